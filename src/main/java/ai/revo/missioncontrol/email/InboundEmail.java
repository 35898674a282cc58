package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inbound email through a provider's webhook (Postmark). The workspace's setting yields a webhook URL with HTTP
 * Basic credentials (the password shown once, kept only as its SHA-256). A delivery is checked in this order: the
 * inbound key and the Basic credential, in constant time and before the body is read (403, nothing stored); the
 * body's size (413) and form (400); then it is stored raw once per provider MessageID and queued as durable work
 * ({@link InboundEmailQueue}), and the caller is answered at once. Processing threads the email to the one of ours
 * it answers (In-Reply-To, then References newest first, then our tracking address: a {@code MailboxHash} that is
 * one of our email ids) and records it through the one reply path, {@link EmailTracking#recordReply}, so it counts
 * as a reply everywhere a reply counts (lead REPLIED, queued emails blocked, the conversation, sequence stops).
 */
@Service
public class InboundEmail {

    private static final Logger log = LoggerFactory.getLogger(InboundEmail.class);

    /** Postmark accepts inbound messages up to 35 MB; we store at most this much (attachments included). */
    public static final int MAX_BODY = 10 * 1024 * 1024;

    public static final String POSTMARK = "POSTMARK";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,990}>");
    /** A digest nothing hashes to, compared against when the key is unknown so the timing does not tell. */
    private static final byte[] NO_HASH = new byte[32];

    /** The inbound setting as the dashboard and API show it; never the password. */
    public record SettingsView(
            boolean connected,
            String provider,
            String webhookUrl,
            String username,
            String passwordLastFour,
            Instant connectedAt,
            Instant rotatedAt) {}

    /** What connecting (or replacing the credential) answers: the password and the URL with it, this once. */
    public record Credentials(
            String provider,
            String webhookUrl,
            String webhookUrlWithCredentials,
            String username,
            String password,
            String passwordLastFour) {}

    /** What a webhook delivery became. */
    public record Receipt(UUID inboundId, boolean duplicate) {}

    /** The request body, read only after the credential was accepted. */
    @FunctionalInterface
    public interface Body {
        InputStream open() throws IOException;
    }

    private final JdbcClient jdbc;
    private final EmailTracking tracking;
    private final TrackedEmails emails;
    private final InboundEmailQueue queue;
    private final ResendInbound resend;
    private final DeliveryEvents deliveries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final String publicUrl;

    InboundEmail(
            JdbcClient jdbc,
            EmailTracking tracking,
            TrackedEmails emails,
            InboundEmailQueue queue,
            ResendInbound resend,
            DeliveryEvents deliveries,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            ObjectMapper json,
            Clock clock,
            @Value("${mc.security.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.tracking = tracking;
        this.emails = emails;
        this.queue = queue;
        this.resend = resend;
        this.deliveries = deliveries;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    // ---------------------------------------------------------------- settings

    /** The workspace's inbound setting; {@code connected=false} when inbound email is not turned on. */
    public SettingsView settings(TenantId tenant) {
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> jdbc.sql("""
                                select provider, inbound_key, username, password_last_four, created_at, rotated_at
                                from email_inbound_settings where tenant_id = ?""")
                        .param(tenant.value())
                        .query((rs, n) -> new SettingsView(
                                true,
                                rs.getString("provider"),
                                webhookUrl(rs.getString("inbound_key")),
                                rs.getString("username"),
                                rs.getString("password_last_four"),
                                rs.getTimestamp("created_at").toInstant(),
                                Optional.ofNullable(rs.getTimestamp("rotated_at"))
                                        .map(Timestamp::toInstant)
                                        .orElse(null)))
                        .optional()
                        .orElse(new SettingsView(false, null, null, null, null, null, null))));
    }

    /**
     * Turns Postmark inbound on with a new credential, or replaces the credential of a connected workspace (the
     * URL's key stays, the old password stops working at once). Audited without the password.
     */
    public Credentials connectPostmark(TenantId tenant, Actor actor) {
        String password = randomToken(32);
        String hash = sha256Hex(password);
        String lastFour = password.substring(password.length() - 4);
        Instant now = clock.instant();
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    Optional<String> existing = jdbc.sql(
                                    "select inbound_key from email_inbound_settings where tenant_id = ? for update")
                            .param(tenant.value())
                            .query(String.class)
                            .optional();
                    String key;
                    String username;
                    if (existing.isPresent()) {
                        key = existing.get();
                        username = jdbc.sql("select username from email_inbound_settings where tenant_id = ?")
                                .param(tenant.value())
                                .query(String.class)
                                .single();
                        jdbc.sql("""
                        update email_inbound_settings set password_hash = ?, password_last_four = ?, rotated_at = ?,
                            updated_at = ? where tenant_id = ?""")
                                .params(hash, lastFour, Timestamp.from(now), Timestamp.from(now), tenant.value())
                                .update();
                    } else {
                        key = randomKey();
                        username = "postmark-" + randomKey().substring(0, 8);
                        jdbc.sql("""
                        insert into email_inbound_settings (tenant_id, provider, inbound_key, username, password_hash,
                            password_last_four, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                                .params(
                                        tenant.value(),
                                        POSTMARK,
                                        key,
                                        username,
                                        hash,
                                        lastFour,
                                        Timestamp.from(now),
                                        Timestamp.from(now))
                                .update();
                    }
                    events.publishEvent(new InboundEmailSettingsChanged(
                            tenant.value(),
                            existing.isPresent()
                                    ? InboundEmailSettingsChanged.ROTATED
                                    : InboundEmailSettingsChanged.CONNECTED,
                            POSTMARK,
                            lastFour,
                            now,
                            actor));
                    String url = webhookUrl(key);
                    int scheme = url.indexOf("://") + 3;
                    String withCredentials =
                            url.substring(0, scheme) + username + ":" + password + "@" + url.substring(scheme);
                    return new Credentials(POSTMARK, url, withCredentials, username, password, lastFour);
                }));
    }

    /** Turns inbound email off: the URL stops accepting at once (403). 404 when it was not on. */
    public void disconnect(TenantId tenant, Actor actor) {
        Instant now = clock.instant();
        TenantContext.runAs(
                tenant.value(),
                () -> tx.executeWithoutResult(s -> {
                    int removed = jdbc.sql("delete from email_inbound_settings where tenant_id = ?")
                            .param(tenant.value())
                            .update();
                    if (removed == 0) {
                        throw new ApiException(ErrorCode.NOT_FOUND, "Inbound email is not connected");
                    }
                    events.publishEvent(new InboundEmailSettingsChanged(
                            tenant.value(), InboundEmailSettingsChanged.DISCONNECTED, POSTMARK, null, now, actor));
                }));
    }

    private String webhookUrl(String key) {
        return publicUrl + "/api/v1/webhooks/email/postmark/" + key;
    }

    // ---------------------------------------------------------------- the webhook

    private record Credential(UUID tenant, String provider, String username, String passwordHash) {}

    /**
     * One Postmark inbound delivery. The credential is checked before the body is read; a bad one is 403 (Postmark
     * stops retrying on 403) and stores nothing. A failure to store is a 5xx, so Postmark retries.
     */
    public Receipt receivePostmark(String key, String authorization, long contentLength, Body body) throws IOException {
        Credential credential = authenticate(key, authorization);
        if (contentLength > MAX_BODY) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "The inbound email is larger than " + MAX_BODY + " bytes");
        }
        byte[] raw;
        try (InputStream in = body.open()) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "The inbound email is larger than " + MAX_BODY + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (IOException e) {
            throw ApiException.invalidField("body", "must be Postmark's inbound JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalidField("body", "must be Postmark's inbound JSON");
        }
        String messageId = root.path("MessageID").asText("").trim();
        if (messageId.isEmpty() || messageId.length() > 300) {
            throw ApiException.invalidField("MessageID", "is required (Postmark's id of the inbound message)");
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.indexOf('\u0000') >= 0) {
            throw ApiException.invalidField("body", "must not contain NUL characters");
        }
        TenantId tenant = new TenantId(credential.tenant());
        Instant now = clock.instant();
        return TenantContext.callAs(
                credential.tenant(),
                () -> tx.execute(s -> {
                    UUID id = UUID.randomUUID();
                    int inserted = jdbc.sql("""
                    insert into email_inbound_messages (id, tenant_id, provider, provider_message_id, body, status,
                        from_email, subject, received_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?)
                    on conflict (tenant_id, provider, provider_message_id) do nothing""")
                            .params(
                                    id,
                                    credential.tenant(),
                                    POSTMARK,
                                    messageId,
                                    text,
                                    truncate(sender(root), 320),
                                    truncate(blankToNull(root.path("Subject").asText(null)), 1000),
                                    Timestamp.from(now),
                                    Timestamp.from(now),
                                    Timestamp.from(now))
                            .update();
                    if (inserted == 0) {
                        UUID first = jdbc.sql("""
                        select id from email_inbound_messages
                        where tenant_id = ? and provider = ? and provider_message_id = ?""")
                                .params(credential.tenant(), POSTMARK, messageId)
                                .query(UUID.class)
                                .single();
                        return new Receipt(first, true);
                    }
                    queue.enqueue(tenant, id);
                    return new Receipt(id, false);
                }));
    }

    /** Postmark bounce types that say the address itself does not work (the rest are recorded, not suppressed). */
    private static final java.util.Set<String> HARD_BOUNCES =
            java.util.Set.of("HardBounce", "BadEmailAddress", "ManuallyDeactivated");

    /** What a Postmark delivery-event webhook became: the stored event, or ignored (a record type we do not take). */
    public record EventReceipt(String recordType, UUID eventId, boolean duplicate, boolean ignored) {}

    /**
     * One Postmark delivery event (the Bounce, SpamComplaint and Delivery webhooks, pointed at
     * {@code …/postmark/{key}/events} with the same Basic credential): checked before the body is read (403, nothing
     * stored), stored once per Postmark event and processed as durable work by {@link DeliveryEvents}.
     */
    public EventReceipt receivePostmarkEvent(String key, String authorization, long contentLength, Body body)
            throws IOException {
        Credential credential = authenticate(key, authorization);
        int max = ResendInbound.MAX_BODY;
        if (contentLength > max) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The webhook body is larger than " + max + " bytes");
        }
        byte[] raw;
        try (InputStream in = body.open()) {
            raw = in.readNBytes(max + 1);
        }
        if (raw.length > max) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The webhook body is larger than " + max + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (IOException e) {
            throw ApiException.invalidField("body", "must be Postmark's webhook JSON");
        }
        if (root == null || !root.isObject() || !root.path("RecordType").isTextual()) {
            throw ApiException.invalidField("RecordType", "is required (Postmark's webhook record type)");
        }
        String recordType = root.path("RecordType").asText();
        String id = root.path("ID").asText("").trim();
        DeliveryEvents.Kind kind;
        String eventId;
        String recipient;
        String reason;
        switch (recordType) {
            case "Bounce" -> {
                String type = root.path("Type").asText("");
                kind = HARD_BOUNCES.contains(type) ? DeliveryEvents.Kind.HARD_BOUNCE : DeliveryEvents.Kind.SOFT_BOUNCE;
                eventId = "Bounce:" + id;
                recipient = root.path("Email").asText(null);
                reason = java.util.stream.Stream.of(
                                type,
                                root.path("Description").asText(null),
                                root.path("Details").asText(null))
                        .filter(v -> v != null && !v.isBlank())
                        .collect(java.util.stream.Collectors.joining(": "));
            }
            case "SpamComplaint" -> {
                kind = DeliveryEvents.Kind.COMPLAINT;
                eventId = "SpamComplaint:" + id;
                recipient = root.path("Email").asText(null);
                reason = "Postmark SpamComplaint";
            }
            case "Delivery" -> {
                kind = DeliveryEvents.Kind.DELIVERED;
                recipient = root.path("Recipient").asText(null);
                eventId = "Delivery:" + root.path("MessageID").asText("") + ":" + recipient;
                reason = null;
            }
            default -> {
                return new EventReceipt(recordType, null, false, true);
            }
        }
        if (!"Delivery".equals(recordType) && id.isEmpty()) {
            throw ApiException.invalidField("ID", "is required (Postmark's id of the " + recordType + ")");
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.indexOf('\u0000') >= 0) {
            throw ApiException.invalidField("body", "must not contain NUL characters");
        }
        DeliveryEvents.Stored stored = deliveries.store(
                new TenantId(credential.tenant()),
                new DeliveryEvents.Event(
                        POSTMARK,
                        truncate(eventId, 300),
                        kind,
                        ResendInbound.address(recipient),
                        null,
                        blankToNull(reason),
                        text));
        return new EventReceipt(recordType, stored.id(), stored.duplicate(), false);
    }

    /** The workspace whose key and Basic credential these are; 403 otherwise, in constant time for the secret. */
    private Credential authenticate(String key, String authorization) {
        Credential found = null;
        if (key != null && key.matches("[a-z0-9]{24,80}")) {
            found = jdbc.sql("select tenant_id, provider, username, password_hash from email_inbound_of_key(?)")
                    .param(key)
                    .query((rs, n) -> new Credential(
                            rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .optional()
                    .orElse(null);
        }
        String[] given = basic(authorization);
        byte[] expectedHash = found == null ? NO_HASH : HexFormat.of().parseHex(found.passwordHash());
        byte[] givenHash = sha256(given == null ? "" : given[1]);
        boolean passwordOk = MessageDigest.isEqual(givenHash, expectedHash);
        boolean userOk = MessageDigest.isEqual(
                sha256(given == null ? "" : given[0]), sha256(found == null ? "\u0000" : found.username()));
        if (found == null || given == null || !passwordOk || !userOk || !POSTMARK.equals(found.provider())) {
            throw ApiException.forbidden("The inbound email credential does not match");
        }
        return found;
    }

    /** {@code [username, password]} of a well-formed Basic header; null otherwise. */
    private static String[] basic(String header) {
        if (header == null || header.length() > 1000 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    // ---------------------------------------------------------------- processing

    /**
     * Processes one stored inbound email (the durable task's work): once, under a row lock, in one transaction
     * with the reply it records. A message already processed is left alone; a failure rolls everything back and
     * the task is tried again.
     */
    public void process(TenantId tenant, UUID inboundId) {
        // a Resend message is fetched from Resend's API first, outside any transaction
        if (resend.ensureContent(tenant, inboundId) == ResendInbound.Fetch.FAILED) {
            return;
        }
        TenantContext.runAs(
                tenant.value(),
                () -> tx.executeWithoutResult(s -> {
                    record Stored(String provider, String body, String content) {}
                    Optional<Stored> stored = jdbc.sql("""
                    select provider, body, content from email_inbound_messages
                    where tenant_id = ? and id = ? and status = 'RECEIVED' for update""")
                            .params(tenant.value(), inboundId)
                            .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)))
                            .optional();
                    if (stored.isEmpty()) {
                        return;
                    }
                    Instant now = clock.instant();
                    String provider = stored.get().provider();
                    Message message;
                    try {
                        message = ResendInbound.RESEND.equals(provider)
                                ? fromResend(
                                        json.readTree(stored.get().body()),
                                        json.readTree(stored.get().content()))
                                : fromPostmark(json.readTree(stored.get().body()));
                    } catch (IOException | IllegalArgumentException e) {
                        mark(tenant, inboundId, "FAILED", "The stored message is not JSON", null, now);
                        return;
                    }
                    Match match = thread(tenant, message);
                    if (match == null) {
                        mark(tenant, inboundId, "IGNORED", "Not a reply to any email of this workspace", null, now);
                        events.publishEvent(new InboundEmailReceived(
                                tenant.value(), inboundId, provider, null, null, null, null, now));
                        return;
                    }
                    tracking.recordReply(
                            tenant,
                            match.email().id(),
                            message.subject(),
                            message.text(),
                            message.from(),
                            message.messageId());
                    mark(tenant, inboundId, "PROCESSED", null, match.email().id(), now);
                    events.publishEvent(new InboundEmailReceived(
                            tenant.value(),
                            inboundId,
                            provider,
                            match.email().id(),
                            match.email().leadId(),
                            match.email().campaignId(),
                            match.by(),
                            now));
                }));
        log.debug("Inbound email {} of workspace {} processed", inboundId, tenant.value());
    }

    /**
     * An inbound email as threading and the reply path need it, whichever provider it came from: its subject, its
     * new text, its sender, its own Message-ID, the threading headers, and the tags of our tracking addresses.
     */
    record Message(
            String subject,
            String text,
            String from,
            String messageId,
            String inReplyTo,
            String references,
            List<String> trackingTags,
            String trackingBy) {}

    private static Message fromPostmark(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        String hash = root.path("MailboxHash").asText("").trim();
        return new Message(
                blankToNull(root.path("Subject").asText(null)),
                replyText(root),
                validSender(root),
                header(root, "Message-ID"),
                header(root, "In-Reply-To"),
                header(root, "References"),
                hash.isEmpty() ? List.of() : List.of(hash),
                "MailboxHash");
    }

    /**
     * A Resend message: the fetched received email ({@code GET /emails/receiving/{id}}: subject, text, html,
     * headers, message_id, to) with the webhook's metadata as the fallback. Resend gives no stripped reply, so the
     * text is the whole plain text body (else the html as text).
     */
    private static Message fromResend(JsonNode event, JsonNode content) {
        if (content == null || !content.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        JsonNode data =
                event == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : event.path("data");
        JsonNode headers = content.get("headers");
        String subject = blankToNull(content.path("subject").asText(null));
        String text = blankToNull(content.path("text").asText(null));
        if (text == null) {
            String html = blankToNull(content.path("html").asText(null));
            text = html == null ? null : blankToNull(HtmlContent.toText(html));
        }
        String from = ResendInbound.address(content.path("from").asText(null));
        String messageId = blankToNull(content.path("message_id").asText(null));
        if (messageId == null) {
            messageId = ResendInbound.header(headers, "Message-ID");
        }
        return new Message(
                subject != null ? subject : blankToNull(data.path("subject").asText(null)),
                text,
                from != null ? from : ResendInbound.address(data.path("from").asText(null)),
                messageId != null
                        ? messageId
                        : blankToNull(data.path("message_id").asText(null)),
                ResendInbound.header(headers, "In-Reply-To"),
                ResendInbound.header(headers, "References"),
                ResendInbound.plusTags(content.get("to"), data.get("to"), data.get("received_for"), content.get("cc")),
                "TrackingAddress");
    }

    private record Match(TrackedEmails.TrackedEmail email, String by) {}

    /** The email of ours this one answers: In-Reply-To, then References newest first, then our tracking address. */
    private Match thread(TenantId tenant, Message message) {
        for (String id : messageIds(message.inReplyTo())) {
            Optional<TrackedEmails.TrackedEmail> email = emails.byMessageId(tenant, id);
            if (email.isPresent()) {
                return new Match(email.get(), "In-Reply-To");
            }
        }
        List<String> references = messageIds(message.references());
        for (int i = references.size() - 1; i >= 0; i--) {
            Optional<TrackedEmails.TrackedEmail> email = emails.byMessageId(tenant, references.get(i));
            if (email.isPresent()) {
                return new Match(email.get(), "References");
            }
        }
        for (String tag : message.trackingTags()) {
            try {
                Optional<TrackedEmails.TrackedEmail> email = emails.byId(tenant, UUID.fromString(tag));
                if (email.isPresent()) {
                    return new Match(email.get(), message.trackingBy());
                }
            } catch (IllegalArgumentException notAnId) {
                // not one of our tracking addresses
            }
        }
        return null;
    }

    private void mark(TenantId tenant, UUID id, String status, String error, UUID emailId, Instant now) {
        jdbc.sql("""
                update email_inbound_messages set status = ?, error = ?, email_id = ?, processed_at = ?, updated_at = ?
                where tenant_id = ? and id = ?""")
                .params(status, error, emailId, Timestamp.from(now), Timestamp.from(now), tenant.value(), id)
                .update();
    }

    /** The value of the first header of that name in Postmark's {@code Headers} [{Name, Value}]; null if none. */
    static String header(JsonNode root, String name) {
        for (JsonNode h : root.path("Headers")) {
            if (name.equalsIgnoreCase(h.path("Name").asText(""))) {
                return blankToNull(h.path("Value").asText(null));
            }
        }
        return null;
    }

    /** The {@code <id>} tokens of an In-Reply-To or References value, in order. */
    static List<String> messageIds(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        Matcher m = MESSAGE_ID.matcher(value);
        while (m.find() && ids.size() < 100) {
            ids.add(m.group());
        }
        if (ids.isEmpty() && !value.isBlank() && !value.trim().contains(" ")) {
            ids.add(value.trim());
        }
        return ids;
    }

    /** The reply's new text: Postmark's StrippedTextReply when it has one, else the whole TextBody. */
    private static String replyText(JsonNode root) {
        String stripped = blankToNull(root.path("StrippedTextReply").asText(null));
        return stripped != null ? stripped : blankToNull(root.path("TextBody").asText(null));
    }

    private static String sender(JsonNode root) {
        String full = blankToNull(root.path("FromFull").path("Email").asText(null));
        return full != null ? full : blankToNull(root.path("From").asText(null));
    }

    private static String validSender(JsonNode root) {
        String from = sender(root);
        if (from == null) {
            return null;
        }
        try {
            return EmailSending.address("From", from, false);
        } catch (ApiException notAnAddress) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String randomKey() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }

    private static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
