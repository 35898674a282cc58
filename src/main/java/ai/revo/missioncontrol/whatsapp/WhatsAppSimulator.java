package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.conversations.AiReplyStatus;
import ai.revo.missioncontrol.conversations.ChannelConversations;
import ai.revo.missioncontrol.conversations.ConversationReplies;
import ai.revo.missioncontrol.conversations.ConversationSimulations;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The WhatsApp simulator (seed 002): an operator plays the customer against the real reply pipeline without Meta. A
 * session is a simulated conversation (no contact, no lead, outside the inbox and the reports); each message typed
 * gets the webhook path's inbound safety check (stop words, VADER sentiment, snooze phrases, with the connected
 * number's settings or the defaults), applied to nobody, and is filed as a text message so the same responder
 * answers it with the campaign's persona, knowledge and products, through the checks, the gate and the approval
 * inbox. Whatever is sent in a session is recorded by the outbound gateway as SIMULATED.
 */
@Service
public class WhatsAppSimulator {

    /** The longest message accepted, in characters (WhatsApp's text limit). */
    public static final int MAX_TEXT = ChannelConversations.MAX_TEXT;

    static final String PARTICIPANT = "Simulator";

    private final ConversationSimulations simulations;
    private final ConversationReplies replies;
    private final CampaignManagement campaigns;
    private final WhatsAppNumberRepository numbers;
    private final InboundSafety check;
    private final JdbcClient jdbc;
    private final Clock clock;

    WhatsAppSimulator(
            ConversationSimulations simulations,
            ConversationReplies replies,
            CampaignManagement campaigns,
            WhatsAppNumberRepository numbers,
            InboundSafety check,
            JdbcClient jdbc,
            Clock clock) {
        this.simulations = simulations;
        this.replies = replies;
        this.campaigns = campaigns;
        this.numbers = numbers;
        this.check = check;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A session as listed: its campaign (null: none) and who started it. */
    public record SessionSummary(
            UUID id, UUID campaignId, String campaignName, String startedBy, Instant createdAt, boolean simulated) {}

    /** What the inbound safety check found in one message the simulated customer typed. */
    public record SafetyOutcome(
            boolean unsafe, String keyword, double sentiment, String reason, String snoozePhrase, String effect) {}

    /** One message of the transcript; for the customer's: the safety outcome and what the AI did. */
    public record TranscriptEntry(
            UUID id,
            String direction,
            String text,
            String status,
            String statusReason,
            String authorName,
            Instant at,
            SafetyOutcome safety,
            AiOutcome ai) {}

    /**
     * What the AI did with a customer's message: {@code status} PENDING while it works, else the recorded outcome
     * (AWAITING_APPROVAL, SENT, DISCARDED, REJECTED, NOT_WRITTEN, FAILED) with {@code reason} in words; the reply it
     * wrote (text, confidence, sources, checks and gate) when it wrote one.
     */
    public record AiOutcome(
            String status,
            String reason,
            UUID draftId,
            String replyText,
            String draftStatus,
            BigDecimal confidence,
            List<Source> sources,
            Boolean checksPassed,
            Boolean gatePassed) {}

    /** A knowledge passage the reply was grounded on. */
    public record Source(String sourceName, Integer page, double score, String snippet) {}

    /** A session with its transcript, oldest first; {@code waiting} true while the AI is still working. */
    public record SessionView(
            UUID id,
            UUID campaignId,
            String campaignName,
            String startedBy,
            Instant createdAt,
            boolean simulated,
            boolean waiting,
            List<TranscriptEntry> transcript) {}

    /**
     * Starts a session for {@code campaignId}, or, when null, for the campaign the connected number is bound to (none
     * when there is neither: the AI then says it has no persona to answer with). 400 for a campaign that is not the
     * workspace's.
     */
    @Transactional
    public SessionView start(TenantId tenant, UUID campaignId, Actor actor) {
        UUID campaign = campaignId;
        if (campaign == null) {
            campaign = numbers.findByTenantId(tenant)
                    .map(WhatsAppNumber::campaignId)
                    .orElse(null);
        } else {
            try {
                campaigns.get(tenant, campaign);
            } catch (ApiException e) {
                throw ApiException.invalidField("campaignId", "is not a campaign of this workspace");
            }
        }
        UUID id = simulations.start(tenant, campaign, PARTICIPANT);
        jdbc.sql("""
                insert into whatsapp_simulator_sessions (id, tenant_id, campaign_id, started_by, created_at,
                    updated_at) values (?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        tenant.value(),
                        campaign,
                        actor.name(),
                        Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()))
                .update();
        return get(tenant, id);
    }

    /** The campaign a session without one is played against: the connected number's (null: none). */
    @Transactional(readOnly = true)
    public UUID defaultCampaign(TenantId tenant) {
        return numbers.findByTenantId(tenant).map(WhatsAppNumber::campaignId).orElse(null);
    }

    /** The workspace's sessions, newest first. */
    @Transactional(readOnly = true)
    public List<SessionSummary> list(TenantId tenant) {
        return jdbc
                .sql("""
                select id, campaign_id, started_by, created_at from whatsapp_simulator_sessions
                where tenant_id = ? order by created_at desc, id limit 100""")
                .params(tenant.value())
                .query((rs, n) -> new SessionSummary(
                        rs.getObject("id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        null,
                        rs.getString("started_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        true))
                .list()
                .stream()
                .map(s -> new SessionSummary(
                        s.id(),
                        s.campaignId(),
                        campaignName(tenant, s.campaignId()),
                        s.startedBy(),
                        s.createdAt(),
                        true))
                .toList();
    }

    /**
     * The simulated customer writes {@code text}: checked as the webhook path checks an inbound text (a stop word or a
     * sentiment below the threshold: no reply, as a real DND would get; a snooze phrase: no reply now), then filed so
     * the AI answers it in the background. 400 for an empty or too long text, 404 for an unknown session.
     */
    @Transactional
    public SessionView say(TenantId tenant, UUID sessionId, String text) {
        requireSession(tenant, sessionId);
        if (text == null || text.isBlank()) {
            throw ApiException.invalidField("text", "is required");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.invalidField("text", "must be at most " + MAX_TEXT + " characters");
        }
        WhatsAppNumber number = numbers.findByTenantId(tenant).orElse(null);
        List<String> stopWords = number == null ? WhatsAppNumber.DEFAULT_STOP_WORDS : number.stopWords();
        double threshold = number == null ? -0.5 : number.sentimentThreshold();
        List<String> snooze = number == null ? WhatsAppNumber.DEFAULT_SNOOZE_PHRASES : number.snoozePhrases();
        String body = text.strip();
        InboundSafety.Verdict verdict = check.check(body, stopWords, threshold);
        String phrase = verdict.unsafe() ? null : InboundSafety.snoozePhrase(body, snooze);
        ChannelConversations.Filed filed = simulations.say(tenant, sessionId, body);
        jdbc.sql("""
                insert into whatsapp_simulator_checks (message_id, tenant_id, session_id, unsafe, keyword, sentiment,
                    reason, snooze_phrase) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        filed.messageId(),
                        tenant.value(),
                        sessionId,
                        verdict.unsafe(),
                        verdict.keyword(),
                        verdict.sentiment(),
                        verdict.reason(),
                        phrase)
                .update();
        // recorded before the AI's work starts (it commits with the message), so the responder writes nothing
        if (verdict.unsafe()) {
            replies.record(
                    tenant,
                    sessionId,
                    filed.messageId(),
                    AiReplyStatus.NOT_WRITTEN,
                    null,
                    "No reply: the safety check stopped it (" + verdict.reason() + "). In a real conversation the"
                            + " lead would become DND and the number suppressed for WhatsApp; the simulator changes"
                            + " nobody.");
        } else if (phrase != null) {
            replies.record(
                    tenant,
                    sessionId,
                    filed.messageId(),
                    AiReplyStatus.NOT_WRITTEN,
                    null,
                    "No reply now: the person asked to be contacted later (\"" + phrase + "\"). In a real"
                            + " conversation the lead would be SNOOZED and a follow-up scheduled; the simulator"
                            + " schedules nothing.");
        }
        return get(tenant, sessionId);
    }

    /** The session and its transcript. 404 for an unknown session. */
    @Transactional(readOnly = true)
    public SessionView get(TenantId tenant, UUID sessionId) {
        SessionSummary s = requireSession(tenant, sessionId);
        Map<UUID, SafetyOutcome> checks = jdbc
                .sql("""
                        select message_id, unsafe, keyword, sentiment, reason, snooze_phrase
                        from whatsapp_simulator_checks where tenant_id = ? and session_id = ?""")
                .params(tenant.value(), sessionId)
                .query((rs, n) -> Map.entry(
                        rs.getObject("message_id", UUID.class),
                        safety(
                                rs.getBoolean("unsafe"),
                                rs.getString("keyword"),
                                rs.getDouble("sentiment"),
                                rs.getString("reason"),
                                rs.getString("snooze_phrase"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<TranscriptEntry> transcript = new ArrayList<>();
        boolean waiting = false;
        for (ConversationSimulations.Turn turn : simulations.transcript(tenant, sessionId)) {
            var m = turn.message();
            boolean inbound = "INBOUND".equals(m.direction());
            AiOutcome ai = null;
            if (inbound) {
                ai = outcome(turn);
                waiting |= "PENDING".equals(ai.status());
            } else {
                waiting |= "QUEUED".equals(m.status());
            }
            transcript.add(new TranscriptEntry(
                    m.id(),
                    m.direction(),
                    m.text(),
                    m.status(),
                    m.error(),
                    m.authorName(),
                    m.occurredAt(),
                    inbound ? checks.get(m.id()) : null,
                    ai));
        }
        return new SessionView(
                s.id(), s.campaignId(), s.campaignName(), s.startedBy(), s.createdAt(), true, waiting, transcript);
    }

    /** Deletes the session and all it holds (its messages, the AI's replies, the safety outcomes). 404 when unknown. */
    @Transactional
    public void delete(TenantId tenant, UUID sessionId, Actor actor) {
        requireSession(tenant, sessionId);
        jdbc.sql("delete from whatsapp_simulator_sessions where tenant_id = ? and id = ?")
                .params(tenant.value(), sessionId)
                .update();
        simulations.delete(tenant, sessionId, actor);
    }

    private static AiOutcome outcome(ConversationSimulations.Turn turn) {
        if (turn.aiReply() == null) {
            return new AiOutcome(
                    "PENDING", "The AI is working on a reply", null, null, null, null, List.of(), null, null);
        }
        var d = turn.draft();
        return new AiOutcome(
                turn.aiReply().status().name(),
                turn.aiReply().reason(),
                d == null ? null : d.draftId(),
                d == null ? null : d.text(),
                d == null ? null : d.status(),
                d == null ? null : d.confidence(),
                d == null || d.sources() == null
                        ? List.of()
                        : d.sources().stream()
                                .map(x -> new Source(x.sourceName(), x.page(), x.score(), x.snippet()))
                                .toList(),
                d == null ? null : d.checksPassed(),
                d == null ? null : d.gatePassed());
    }

    private static SafetyOutcome safety(
            boolean unsafe, String keyword, double sentiment, String reason, String phrase) {
        String effect = unsafe
                ? "Stopped: a real customer would be DND and suppressed"
                : phrase != null ? "Snooze phrase: a real customer would be snoozed" : "Passed";
        return new SafetyOutcome(unsafe, keyword, sentiment, reason, phrase, effect);
    }

    private SessionSummary requireSession(TenantId tenant, UUID id) {
        return jdbc.sql("""
                        select id, campaign_id, started_by, created_at from whatsapp_simulator_sessions
                        where tenant_id = ? and id = ?""")
                .params(tenant.value(), id)
                .query((rs, n) -> new SessionSummary(
                        rs.getObject("id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        null,
                        rs.getString("started_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        true))
                .optional()
                .map(s -> new SessionSummary(
                        s.id(),
                        s.campaignId(),
                        campaignName(tenant, s.campaignId()),
                        s.startedBy(),
                        s.createdAt(),
                        true))
                .orElseThrow(() -> ApiException.notFound("Simulator session", id));
    }

    private String campaignName(TenantId tenant, UUID campaignId) {
        if (campaignId == null) {
            return null;
        }
        try {
            return campaigns.get(tenant, campaignId).name();
        } catch (ApiException e) {
            return null;
        }
    }
}
