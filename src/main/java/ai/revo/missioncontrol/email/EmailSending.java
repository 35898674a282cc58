package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues emails: the composer's sends (idempotent by the client's Idempotency-Key, Stripe's semantics, kept 24
 * hours) and approved email drafts of the approval inbox (idempotent by draft and approved version). The email row,
 * its first history row and its queued job commit in one transaction; nothing talks to SMTP here.
 */
@Service
public class EmailSending {

    private static final Logger log = LoggerFactory.getLogger(EmailSending.class);

    static final String SEND_SCOPE = "emails.send";
    static final String APPROVAL_SCOPE = "emails.approval";
    public static final int MAX_BODY_CHARS = 1024 * 1024;

    private final JdbcClient jdbc;
    private final EmailStore store;
    private final EmailQueue queue;
    private final CampaignManagement campaigns;
    private final LeadManagement leads;
    private final DraftManagement drafts;
    private final Emails emails;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final String defaultFrom;
    private final Duration keyTtl;

    private final SenderPolicy senders;
    private final ai.revo.missioncontrol.safety.SafetyManagement safety;
    private final ai.revo.missioncontrol.sending.EmailSendingSettings identities;

    EmailSending(
            JdbcClient jdbc,
            EmailStore store,
            EmailQueue queue,
            CampaignManagement campaigns,
            LeadManagement leads,
            DraftManagement drafts,
            Emails emails,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            @Value("${mc.email.default-from:no-reply@localhost}") String defaultFrom,
            @Value("${mc.email.idempotency-ttl:24h}") Duration keyTtl,
            SenderPolicy senders,
            ai.revo.missioncontrol.safety.SafetyManagement safety,
            ai.revo.missioncontrol.sending.EmailSendingSettings identities) {
        this.senders = senders;
        this.safety = safety;
        this.identities = identities;
        this.jdbc = jdbc;
        this.store = store;
        this.queue = queue;
        this.campaigns = campaigns;
        this.leads = leads;
        this.drafts = drafts;
        this.emails = emails;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.defaultFrom = defaultFrom;
        this.keyTtl = keyTtl;
    }

    /** What the send endpoint answers: the HTTP status and the body (the first answer again for a repeated key). */
    public record Answer(int status, JsonNode body) {}

    /**
     * Queues the composer draft {@code draftId} to {@code toEmail} (from {@code fromEmail}, else the campaign's
     * sender, else the default sender). The same key with the same request answers the first response again (a
     * concurrent duplicate waits for the first to commit); with a different request 409 IDEMPOTENCY_CONFLICT.
     * Failed requests keep no key. 404 unknown draft, 422 draft without subject or body, 413 body over 1 MB.
     */
    @Transactional
    public Answer send(
            TenantId tenant, String idempotencyKey, UUID draftId, String fromEmail, String toEmail, Actor actor) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ApiException.invalidField("Idempotency-Key", "header is required");
        }
        if (idempotencyKey.length() > 255) {
            throw ApiException.invalidField("Idempotency-Key", "must be at most 255 characters");
        }
        if (draftId == null) {
            throw ApiException.invalidField("draftId", "is required");
        }
        String to = address("toEmail", toEmail, true);
        String from = address("fromEmail", fromEmail, false);
        senders.check(tenant, "fromEmail", from, actor);
        String hash = hash(draftId + "\u0000" + (from == null ? "" : from.toLowerCase(Locale.ROOT)) + "\u0000"
                + to.toLowerCase(Locale.ROOT));
        Instant now = clock.instant();
        if (!claimKey(tenant, SEND_SCOPE, idempotencyKey, hash, now.plus(keyTtl), now)) {
            return replay(tenant, SEND_SCOPE, idempotencyKey, hash);
        }
        var draft = jdbc.sql("select * from email_drafts where tenant_id = ? and id = ?")
                .params(tenant.value(), draftId)
                .query((rs, n) -> new ComposerDraft(
                        rs.getObject("campaign_id", UUID.class),
                        rs.getObject("prospect_id", UUID.class),
                        rs.getObject("template_id", UUID.class),
                        rs.getString("subject"),
                        rs.getString("body_html"),
                        rs.getString("body_text")))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Draft", draftId));
        if (draft.subject() == null || draft.subject().isBlank()) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "The draft cannot be sent: it has no subject",
                    Map.of("reason", "no subject"));
        }
        String text =
                draft.bodyText() == null || draft.bodyText().isBlank() ? textOf(draft.bodyHtml()) : draft.bodyText();
        if (text == null || text.isBlank()) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE, "The draft cannot be sent: it has no body", Map.of("reason", "no body"));
        }
        long size = text.length()
                + (draft.bodyHtml() == null ? 0 : draft.bodyHtml().length())
                + draft.subject().length();
        if (size > MAX_BODY_CHARS) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "The email is larger than 1 MB", Map.of("limit", MAX_BODY_CHARS));
        }
        String sender = from != null ? from : senderOf(tenant, draft.campaignId());
        if (from == null) {
            // no fromEmail: the campaign's sender, but only one this user may send as (the request rolls back, so
            // the idempotency key is not kept)
            senders.check(tenant, "fromEmail", sender, actor);
        }
        EmailView email = queue(
                tenant,
                draftId,
                "COMPOSER",
                draft.campaignId(),
                draft.prospectId(),
                draft.templateId(),
                sender,
                to,
                draft.subject().trim(),
                blankToNull(draft.bodyHtml()),
                text,
                true,
                actor,
                now);
        if (draft.prospectId() != null) {
            // a person wrote it and confirmed the send: the lead moves as an approved draft's lead does (drafted,
            // approved now, contacted once sent); a lead already further along stays where it is
            leads.advance(tenant, draft.prospectId(), ai.revo.missioncontrol.contacts.LeadStatus.DRAFTED, actor);
            leads.advance(tenant, draft.prospectId(), ai.revo.missioncontrol.contacts.LeadStatus.APPROVED, actor);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", email.id().toString());
        body.put("status", email.status().name());
        body.put("createdAt", email.createdAt().toString());
        JsonNode answer = json.valueToTree(body);
        storeAnswer(tenant, SEND_SCOPE, idempotencyKey, 202, answer, now);
        return new Answer(202, answer);
    }

    /**
     * Queues an approved email draft of the approval inbox to its lead's address, once per draft and approved
     * version (a redelivered decision queues nothing). Returns the queued email, or empty when there was nothing to
     * queue (already queued, not an email, or no address).
     */
    @Transactional
    public Optional<EmailView> queueApproved(TenantId tenant, UUID draftId, int version, Actor actor) {
        Instant now = clock.instant();
        DraftView draft = drafts.get(tenant, draftId);
        if (draft.leadId() == null || draft.channel() != ai.revo.missioncontrol.safety.Channel.EMAIL) {
            return Optional.empty();
        }
        if (!claimKey(
                tenant,
                APPROVAL_SCOPE,
                "draft:" + draftId + ":v" + version,
                "-",
                now.plus(Duration.ofDays(3650)),
                now)) {
            return Optional.empty();
        }
        LeadView lead = leads.get(tenant, draft.leadId());
        String to = lead.contact() == null ? null : lead.contact().email();
        if (to == null || to.isBlank()) {
            log.info("Approved email draft {} has no address for its lead; nothing was queued", draftId);
            return Optional.empty();
        }
        String text =
                draft.bodyText() == null || draft.bodyText().isBlank() ? textOf(draft.bodyHtml()) : draft.bodyText();
        EmailView email = queue(
                tenant,
                draftId,
                "APPROVAL",
                draft.campaignId(),
                lead.id(),
                null,
                senderOf(tenant, draft.campaignId()),
                to.trim(),
                draft.subject() == null ? "" : draft.subject().trim(),
                blankToNull(draft.bodyHtml()),
                text == null ? "" : text,
                false,
                actor,
                now);
        storeAnswer(
                tenant,
                APPROVAL_SCOPE,
                "draft:" + draftId + ":v" + version,
                202,
                json.valueToTree(Map.of("id", email.id().toString())),
                now);
        return Optional.of(email);
    }

    /**
     * An answer to a reply, written by a person: the text (and optional HTML) to {@code to}, threaded under the
     * conversation by {@code inReplyTo} and {@code references} (RFC 5322 Message-IDs with angle brackets).
     */
    public record ReplyEmail(
            UUID campaignId,
            UUID leadId,
            String fromEmail,
            String toEmail,
            String subject,
            String bodyText,
            String inReplyTo,
            String references) {}

    /**
     * Queues an answer to a reply through the same pipeline as the composer's sends (the outbound gateway's dry
     * run, switches, suppression and limits apply; no send window: a person is answering now). 400 for a bad
     * address, a sender this actor may not use, or an empty subject or body; 413 over 1 MB.
     */
    @Transactional
    public EmailView queueAnswer(TenantId tenant, ReplyEmail answer, Actor actor) {
        String to = address("toEmail", answer.toEmail(), true);
        String from = address("fromEmail", answer.fromEmail(), false);
        String sender = from != null ? from : senderOf(tenant, answer.campaignId());
        senders.check(tenant, "fromEmail", sender, actor);
        if (answer.subject() == null || answer.subject().isBlank()) {
            throw ApiException.invalidField("subject", "is required");
        }
        if (answer.bodyText() == null || answer.bodyText().isBlank()) {
            throw ApiException.invalidField("bodyText", "is required");
        }
        if (answer.bodyText().length() + answer.subject().length() > MAX_BODY_CHARS) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "The email is larger than 1 MB", Map.of("limit", MAX_BODY_CHARS));
        }
        Instant now = clock.instant();
        EmailView email = queue(
                tenant,
                null,
                "COMPOSER",
                answer.campaignId(),
                answer.leadId(),
                null,
                sender,
                to,
                answer.subject().trim(),
                null,
                answer.bodyText().strip(),
                true,
                actor,
                now);
        jdbc.sql("update emails set in_reply_to = ?, thread_references = ? where tenant_id = ? and id = ?")
                .params(blankToNull(answer.inReplyTo()), blankToNull(answer.references()), tenant.value(), email.id())
                .update();
        return email;
    }

    /**
     * Sends for real, once, an email that was SIMULATED while dry run was on: a new email with the same sender,
     * recipient and content (and threading), queued through the pipeline, naming the simulated one. 404 unknown
     * email; 409 while dry run is still on, when the email was not simulated, or when it was already sent for real
     * (the database's unique index holds that also for two requests at once).
     */
    @Transactional
    public EmailView sendForReal(TenantId tenant, UUID emailId, Actor actor) {
        EmailStore.EmailRow row =
                store.lock(tenant, emailId).orElseThrow(() -> ApiException.notFound("Email", emailId));
        EmailView simulated = row.view();
        if (simulated.status() != EmailStatus.SIMULATED) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Only a simulated email can be sent for real; this one is " + simulated.status(),
                    Map.of("status", simulated.status().name()));
        }
        Optional<UUID> earlier = realSendOf(tenant, emailId);
        if (earlier.isPresent()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "This email was already sent for real",
                    Map.of("emailId", earlier.get().toString()));
        }
        if (safety.settings(tenant).dryRunMode()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Dry run is on: nothing can be sent for real until it is turned off on the Safety page",
                    Map.of("dryRunMode", true));
        }
        Instant now = clock.instant();
        EmailView email = queue(
                tenant,
                simulated.draftId(),
                simulated.source(),
                simulated.campaignId(),
                simulated.leadId(),
                simulated.templateId(),
                simulated.fromEmail(),
                simulated.toEmail(),
                simulated.subject(),
                row.bodyHtml(),
                row.bodyText(),
                row.bypassWindow(),
                actor,
                now);
        jdbc.sql("""
                update emails set real_send_of = :of,
                    in_reply_to = (select in_reply_to from emails where tenant_id = :tenant and id = :of),
                    thread_references = (select thread_references from emails where tenant_id = :tenant and id = :of)
                where tenant_id = :tenant and id = :id""")
                .param("of", emailId)
                .param("tenant", tenant.value())
                .param("id", email.id())
                .update();
        return email;
    }

    /** The real email sent for a simulated one, if it was. */
    @Transactional(readOnly = true)
    public Optional<UUID> realSendOf(TenantId tenant, UUID simulatedId) {
        return jdbc.sql("select id from emails where tenant_id = ? and real_send_of = ?")
                .params(tenant.value(), simulatedId)
                .query(UUID.class)
                .optional();
    }

    private EmailView queue(
            TenantId tenant,
            UUID draftId,
            String source,
            UUID campaignId,
            UUID leadId,
            UUID templateId,
            String from,
            String to,
            String subject,
            String html,
            String text,
            boolean bypassWindow,
            Actor actor,
            Instant now) {
        CampaignView campaign = campaignId == null ? null : campaigns.get(tenant, campaignId);
        UUID id = UUID.randomUUID();
        store.insert(
                tenant,
                id,
                draftId,
                source,
                campaignId,
                leadId,
                templateId,
                from,
                to,
                subject,
                html,
                text,
                messageId(id, from),
                bypassWindow,
                now);
        queue.enqueue(tenant, id, now);
        EmailView email = store.find(tenant, id).orElseThrow().view();
        events.publishEvent(new EmailChanged(
                tenant.value(),
                id,
                EmailChanged.QUEUED,
                campaignId,
                leadId,
                to,
                Map.of("status", EmailStatus.PENDING_SEND.name(), "source", source, "subject", subject),
                actor == null ? Actor.system() : actor));
        if (campaign != null && campaign.status() == CampaignStatus.DRAFT) {
            // several first emails of a DRAFT campaign may be queued at once (approvals decided together): the
            // activation locks the campaign and is a no-op once it is ACTIVE, so none of them rolls back
            campaigns.activateOnFirstMessage(tenant, campaignId, actor == null ? Actor.system() : actor);
        }
        return email;
    }

    private String senderOf(TenantId tenant, UUID campaignId) {
        if (campaignId != null) {
            String configured = emails.settings(tenant, campaignId).fromEmail();
            if (configured != null && !configured.isBlank()) {
                return configured;
            }
        }
        // the workspace's default sender identity, else the installation's default sender
        return identities
                .defaultIdentity(tenant)
                .map(ai.revo.missioncontrol.sending.SenderIdentityView::address)
                .orElse(defaultFrom);
    }

    static String messageId(UUID emailId, String from) {
        String domain = from == null || from.indexOf('@') < 0
                ? "mission-control.local"
                : from.substring(from.lastIndexOf('@') + 1).trim();
        if (domain.isEmpty()) {
            domain = "mission-control.local";
        }
        return "<" + emailId + "@" + domain + ">";
    }

    private boolean claimKey(TenantId tenant, String scope, String key, String hash, Instant expires, Instant now) {
        jdbc.sql("delete from idempotency_keys where tenant_id = ? and scope = ? and key = ? and expires_at < ?")
                .params(tenant.value(), scope, key, EmailStore.ts(now))
                .update();
        // a concurrent request with the same key waits here until the first one commits or rolls back
        return jdbc.sql("""
                insert into idempotency_keys (tenant_id, scope, key, request_hash, expires_at, created_at, updated_at)
                values (:tenant, :scope, :key, :hash, :expires, :now, :now)
                on conflict (tenant_id, scope, key) do nothing returning key
                """)
                .param("tenant", tenant.value())
                .param("scope", scope)
                .param("key", key)
                .param("hash", hash)
                .param("expires", EmailStore.ts(expires))
                .param("now", EmailStore.ts(now))
                .query(String.class)
                .optional()
                .isPresent();
    }

    private void storeAnswer(TenantId tenant, String scope, String key, int status, JsonNode body, Instant now) {
        jdbc.sql("""
                update idempotency_keys set response_code = :code, response_body = cast(:body as jsonb), updated_at = :now
                where tenant_id = :tenant and scope = :scope and key = :key
                """)
                .param("code", status)
                .param("body", body.toString())
                .param("now", EmailStore.ts(now))
                .param("tenant", tenant.value())
                .param("scope", scope)
                .param("key", key)
                .update();
    }

    private Answer replay(TenantId tenant, String scope, String key, String hash) {
        record Stored(String hash, Integer code, String body) {}
        Stored stored = jdbc.sql("""
                select request_hash, response_code, response_body::text as body from idempotency_keys
                where tenant_id = ? and scope = ? and key = ?
                """)
                .params(tenant.value(), scope, key)
                .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)))
                .single();
        if (!stored.hash().equals(hash)) {
            throw new ApiException(
                    ErrorCode.IDEMPOTENCY_CONFLICT, "This Idempotency-Key was already used for a different request");
        }
        if (stored.code() == null) {
            throw ApiException.conflict("A request with this Idempotency-Key is still being processed");
        }
        try {
            return new Answer(stored.code(), json.readTree(stored.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String address(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalidField(field, "is required");
            }
            return null;
        }
        String v = value.trim();
        if (v.length() > 320
                || v.indexOf('@') <= 0
                || v.indexOf('@') == v.length() - 1
                || v.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>' || c == ',' || c == ';')) {
            throw ApiException.invalidField(field, "is not a valid email address");
        }
        try {
            new InternetAddress(v, true).validate();
        } catch (AddressException e) {
            throw ApiException.invalidField(field, "is not a valid email address");
        }
        return v;
    }

    static String textOf(String html) {
        if (html == null) {
            return null;
        }
        String text = html.replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</p>", "\n\n")
                .replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String hash(String canonical) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record ComposerDraft(
            UUID campaignId, UUID prospectId, UUID templateId, String subject, String bodyHtml, String bodyText) {}
}
