package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.SharedRateBuckets;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundLog;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.OutboundStatus;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Template blasts: every NEW lead of a campaign that is not do-not-contact, suppressed, already contacted or reached
 * by an earlier blast gets the template once, through the outbound gateway, at the number's rate (a token bucket all
 * nodes share). A blast is db-scheduler work, so one node works it at a time; each lead is queued once per campaign
 * and handed to the gateway under the key of blast and lead, so a second trigger or a node dying mid-way never sends
 * twice. A campaign that is not ACTIVE stops it (PAUSED); triggering the blast again resumes it.
 */
@Service
public class WhatsAppBlasts {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final CampaignManagement campaigns;
    private final LeadManagement leads;
    private final SafetyManagement safety;
    private final WhatsAppTemplates templates;
    private final WhatsAppNumberRepository numbers;
    private final OutboundGateway gateway;
    private final OutboundLog log;
    private final SharedRateBuckets buckets;
    private final WhatsAppBlastQueue queue;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    WhatsAppBlasts(
            JdbcClient jdbc,
            CampaignManagement campaigns,
            LeadManagement leads,
            SafetyManagement safety,
            WhatsAppTemplates templates,
            WhatsAppNumberRepository numbers,
            OutboundGateway gateway,
            OutboundLog log,
            SharedRateBuckets buckets,
            WhatsAppBlastQueue queue,
            ObjectMapper json,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.leads = leads;
        this.safety = safety;
        this.templates = templates;
        this.numbers = numbers;
        this.gateway = gateway;
        this.log = log;
        this.buckets = buckets;
        this.queue = queue;
        this.json = json;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What to send: a synced APPROVED template with its body's parameters. */
    public record Request(String templateName, String language, List<String> parameters) {}

    /** A started (or resumed) blast and how many leads wait for it. */
    public record Queued(UUID blastId, int queued, boolean resumed) {}

    /**
     * A blast and its progress: {@code queued} leads still waiting, {@code sent} accepted by Meta (delivered and read
     * among them), {@code failed} (refused or failed receipts), {@code blocked} (by the safety gate or the window),
     * {@code simulated} (dry run).
     */
    public record BlastView(
            UUID id,
            UUID campaignId,
            String templateName,
            String language,
            List<String> parameters,
            String status,
            int total,
            int queued,
            int sent,
            int delivered,
            int read,
            int failed,
            int blocked,
            int simulated,
            String reason,
            String requestedBy,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {}

    /**
     * Starts a blast of the campaign, or resumes its PAUSED one. 400 when the template may not be sent (not synced as
     * APPROVED, wrong parameters), 404 unknown campaign, 409 when the campaign is not ACTIVE, no number is connected,
     * or a blast of it is already queued or running.
     */
    @Transactional
    public Queued start(TenantId tenant, UUID campaignId, Request request, Actor actor) {
        CampaignView campaign = campaigns.get(tenant, campaignId);
        if (request == null
                || request.templateName() == null
                || request.templateName().isBlank()) {
            throw ApiException.invalidField("templateName", "is required");
        }
        String name = request.templateName().trim();
        String language = request.language() == null || request.language().isBlank()
                ? "en"
                : request.language().trim();
        List<String> parameters = request.parameters() == null ? List.of() : List.copyOf(request.parameters());
        if (parameters.stream().anyMatch(p -> p == null || p.isBlank() || p.length() > 1024)) {
            throw ApiException.invalidField("parameters", "must be 1 to 1024 characters each");
        }
        templates.refusal(tenant, name, language, parameters.size()).ifPresent(reason -> {
            throw ApiException.invalidField("templateName", reason);
        });
        if (numbers.findByTenantId(tenant).isEmpty()) {
            throw ApiException.conflict("No WhatsApp number is connected: connect one on Settings → WhatsApp");
        }
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw ApiException.conflict("The campaign is " + campaign.status() + ": only an ACTIVE campaign blasts");
        }
        // one trigger at a time per campaign, on every node
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("whatsapp-blast:" + tenant.value() + ":" + campaignId)
                .query((rs, n) -> 1)
                .list();
        record Open(UUID id, String status) {}
        var open = jdbc.sql("select id, status from whatsapp_blasts where tenant_id = ? and campaign_id = ?"
                        + " and status in ('QUEUED', 'RUNNING', 'PAUSED')")
                .params(tenant.value(), campaignId)
                .query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
        Instant now = clock.instant();
        if (open.isPresent()) {
            if (!"PAUSED".equals(open.get().status())) {
                throw ApiException.conflict(
                        "A blast of this campaign is already " + open.get().status());
            }
            UUID id = open.get().id();
            jdbc.sql("update whatsapp_blasts set status = 'QUEUED', reason = null, version = version + 1,"
                            + " updated_at = ? where tenant_id = ? and id = ?")
                    .params(Timestamp.from(now), tenant.value(), id)
                    .update();
            int waiting = waiting(tenant, id);
            events.publishEvent(new WhatsAppBlastChanged(
                    tenant.value(), "whatsapp.blast_resumed", id, campaignId, name, waiting, null, actor));
            queue.enqueue(tenant, id);
            return new Queued(id, waiting, true);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into whatsapp_blasts (id, tenant_id, campaign_id, template_name, language, parameters, status,
                    requested_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), 'QUEUED', ?, ?, ?)""")
                .params(
                        id,
                        tenant.value(),
                        campaignId,
                        name,
                        language,
                        toJson(parameters),
                        actor.name(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        List<LeadView> fresh = new ArrayList<>();
        leads.forEach(tenant, new LeadQuery(LeadStatus.NEW, null, campaignId, null, null), lead -> {
            if (lead.lastContactedAt() == null
                    && lead.contact() != null
                    && lead.contact().phone() != null
                    && !lead.contact().phone().isBlank()) {
                fresh.add(lead);
            }
        });
        Map<UUID, String> dnd = leads.doNotContactReasons(
                tenant, fresh.stream().map(LeadView::id).toList());
        int queued = 0;
        for (LeadView lead : fresh) {
            String phone = lead.contact().phone().trim();
            if (dnd.containsKey(lead.id()) || safety.isSuppressed(tenant, Channel.WHATSAPP, phone)) {
                continue;
            }
            queued += jdbc.sql("""
                            insert into whatsapp_blast_recipients (tenant_id, blast_id, campaign_id, lead_id, phone,
                                status, created_at, updated_at)
                            values (?, ?, ?, ?, ?, 'QUEUED', ?, ?)
                            on conflict do nothing""")
                    .params(tenant.value(), id, campaignId, lead.id(), phone, Timestamp.from(now), Timestamp.from(now))
                    .update();
        }
        jdbc.sql("update whatsapp_blasts set queued = ? where tenant_id = ? and id = ?")
                .params(queued, tenant.value(), id)
                .update();
        events.publishEvent(new WhatsAppBlastChanged(
                tenant.value(), "whatsapp.blast_queued", id, campaignId, name, queued, null, actor));
        queue.enqueue(tenant, id);
        return new Queued(id, queued, false);
    }

    private int waiting(TenantId tenant, UUID blastId) {
        return jdbc.sql("select count(*) from whatsapp_blast_recipients where tenant_id = ? and blast_id = ?"
                        + " and status in ('QUEUED', 'SENDING')")
                .params(tenant.value(), blastId)
                .query(Integer.class)
                .single();
    }

    private record Blast(UUID id, UUID campaignId, String templateName, String language, List<String> parameters) {}

    private record Recipient(UUID leadId, String phone) {}

    private record Batch(Blast blast, String phoneNumberId, int rate, List<Recipient> recipients) {}

    /**
     * Works the blast until every lead is handed to the gateway or the campaign stops being ACTIVE. Run by the
     * blast's db-scheduler task (one node at a time); safe to run again at any point.
     */
    public void run(TenantId tenant, UUID blastId) {
        TenantContext.runAs(tenant.value(), () -> {
            while (true) {
                Batch batch = tx.execute(s -> claim(tenant, blastId));
                if (batch == null || batch.recipients().isEmpty()) {
                    return;
                }
                long checked = System.nanoTime();
                for (Recipient r : batch.recipients()) {
                    // a campaign paused meanwhile stops the blast within a quarter of a second; the rest of the
                    // batch waits (SENDING) for the resumed run, which hands it to the gateway under the same keys
                    if (System.nanoTime() - checked > 250_000_000L) {
                        checked = System.nanoTime();
                        if (tx.execute(s -> campaigns
                                        .get(tenant, batch.blast().campaignId())
                                        .status())
                                != CampaignStatus.ACTIVE) {
                            break;
                        }
                    }
                    awaitToken(batch.phoneNumberId(), batch.rate());
                    OutboundView outcome = gateway.submit(
                            tenant,
                            new OutboundMessage(
                                    Channel.WHATSAPP,
                                    r.phone(),
                                    null,
                                    "Template " + batch.blast().templateName() + " ("
                                            + batch.blast().language()
                                            + ")"
                                            + (batch.blast().parameters().isEmpty()
                                                    ? ""
                                                    : ": "
                                                            + String.join(
                                                                    ", ",
                                                                    batch.blast()
                                                                            .parameters())),
                                    batch.blast().campaignId(),
                                    r.leadId(),
                                    null,
                                    "whatsapp-blast:" + blastId + ":" + r.leadId(),
                                    Actor.system(),
                                    null,
                                    new OutboundMessage.WhatsAppParts(
                                            batch.blast().templateName(),
                                            batch.blast().language(),
                                            batch.blast().parameters())));
                    tx.executeWithoutResult(s -> recordOutcome(tenant, blastId, r.leadId(), outcome));
                }
            }
        });
    }

    /** Takes the next batch (marking it SENDING), or finishes or pauses the blast; null when there is nothing to do. */
    private Batch claim(TenantId tenant, UUID blastId) {
        record Row(Blast blast, String status) {}
        Row row = jdbc.sql("""
                        select campaign_id, template_name, language, parameters::text, status from whatsapp_blasts
                        where tenant_id = ? and id = ? for update""")
                .params(tenant.value(), blastId)
                .query((rs, n) -> new Row(
                        new Blast(
                                blastId,
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                fromJson(rs.getString(4))),
                        rs.getString(5)))
                .optional()
                .orElse(null);
        if (row == null || "DONE".equals(row.status()) || "PAUSED".equals(row.status())) {
            return null;
        }
        Instant now = clock.instant();
        CampaignStatus campaign =
                campaigns.get(tenant, row.blast().campaignId()).status();
        if (campaign != CampaignStatus.ACTIVE) {
            String reason = "The campaign is " + campaign;
            jdbc.sql("update whatsapp_blasts set status = 'PAUSED', reason = ?, version = version + 1, updated_at = ?"
                            + " where tenant_id = ? and id = ?")
                    .params(reason, Timestamp.from(now), tenant.value(), blastId)
                    .update();
            events.publishEvent(new WhatsAppBlastChanged(
                    tenant.value(),
                    "whatsapp.blast_paused",
                    blastId,
                    row.blast().campaignId(),
                    row.blast().templateName(),
                    waiting(tenant, blastId),
                    reason,
                    Actor.system()));
            return null;
        }
        List<Recipient> recipients = jdbc.sql("""
                        select lead_id, phone from whatsapp_blast_recipients
                        where tenant_id = ? and blast_id = ? and status in ('QUEUED', 'SENDING')
                        order by status desc, created_at, lead_id limit ? for update skip locked""")
                .params(tenant.value(), blastId, BATCH)
                .query((rs, n) -> new Recipient(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        if (recipients.isEmpty()) {
            jdbc.sql("update whatsapp_blasts set status = 'DONE', finished_at = ?, version = version + 1,"
                            + " updated_at = ? where tenant_id = ? and id = ?")
                    .params(Timestamp.from(now), Timestamp.from(now), tenant.value(), blastId)
                    .update();
            events.publishEvent(new WhatsAppBlastChanged(
                    tenant.value(),
                    "whatsapp.blast_finished",
                    blastId,
                    row.blast().campaignId(),
                    row.blast().templateName(),
                    0,
                    null,
                    Actor.system()));
            return new Batch(row.blast(), null, 0, List.of());
        }
        jdbc.sql("update whatsapp_blasts set status = 'RUNNING', started_at = coalesce(started_at, ?), updated_at = ?"
                        + " where tenant_id = ? and id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), tenant.value(), blastId)
                .update();
        for (Recipient r : recipients) {
            jdbc.sql("update whatsapp_blast_recipients set status = 'SENDING', updated_at = ? where tenant_id = ?"
                            + " and blast_id = ? and lead_id = ?")
                    .params(Timestamp.from(now), tenant.value(), blastId, r.leadId())
                    .update();
        }
        WhatsAppNumber number = numbers.findByTenantId(tenant).orElse(null);
        String phoneNumberId = number == null ? "none:" + tenant.value() : number.phoneNumberId();
        return new Batch(row.blast(), phoneNumberId, rate(tenant), recipients);
    }

    private void awaitToken(String phoneNumberId, int rate) {
        // the bucket is shared by every node sending from this number; a refused take waits a fraction of a token
        long pause = Math.max(200_000L, 1_000_000_000L / rate / 4);
        while (!buckets.tryTake("whatsapp-number:" + phoneNumberId, rate)) {
            LockSupport.parkNanos(pause);
        }
    }

    private void recordOutcome(TenantId tenant, UUID blastId, UUID leadId, OutboundView outcome) {
        OutboundStatus s = outcome.status();
        String status = switch (s) {
            case SENT -> "SENT";
            case SIMULATED -> "SIMULATED";
            case FAILED, UNKNOWN, PENDING, SENDING -> "FAILED";
            default -> "BLOCKED";
        };
        jdbc.sql("""
                        update whatsapp_blast_recipients set status = ?, outbound_message_id = ?, error = ?,
                            updated_at = ?
                        where tenant_id = ? and blast_id = ? and lead_id = ?""")
                .params(
                        status,
                        outcome.id(),
                        "SENT".equals(status) ? null : outcome.reason(),
                        Timestamp.from(clock.instant()),
                        tenant.value(),
                        blastId,
                        leadId)
                .update();
        if (s == OutboundStatus.SENT) {
            leads.advance(tenant, leadId, LeadStatus.CONTACTED, Actor.system());
        }
    }

    /** The number's blast rate, messages per second (80 unless set). */
    @Transactional(readOnly = true)
    public int rate(TenantId tenant) {
        return jdbc.sql("select blast_rate_per_second from whatsapp_numbers where tenant_id = ?")
                .param(tenant.value())
                .query(Integer.class)
                .optional()
                .orElse(80);
    }

    /** Sets the number's blast rate (1 to 1,000 a second). 400 outside it, 404 when no number is connected. */
    @Transactional
    public int changeRate(TenantId tenant, Integer perSecond, Actor actor) {
        if (perSecond == null || perSecond < 1 || perSecond > 1000) {
            throw ApiException.invalidField("perSecond", "must be between 1 and 1000");
        }
        WhatsAppNumber number = numbers.findByTenantId(tenant)
                .orElseThrow(() -> ApiException.notFound("WhatsApp number", "of this workspace"));
        WhatsAppNumberView before = number.view();
        jdbc.sql("update whatsapp_numbers set blast_rate_per_second = ?, updated_at = now() where tenant_id = ?")
                .params(perSecond, tenant.value())
                .update();
        events.publishEvent(
                new WhatsAppNumberChanged(tenant.value(), "whatsapp.blast_rate_changed", before, before, actor));
        return perSecond;
    }

    /** A blast with its progress. 404 when unknown in this workspace. */
    @Transactional(readOnly = true)
    public BlastView get(TenantId tenant, UUID id) {
        return views(tenant, "id = ?", id).stream().findFirst().orElseThrow(() -> ApiException.notFound("Blast", id));
    }

    /** The campaign's blasts, newest first. 404 unknown campaign. */
    @Transactional(readOnly = true)
    public List<BlastView> ofCampaign(TenantId tenant, UUID campaignId) {
        campaigns.get(tenant, campaignId);
        return views(tenant, "campaign_id = ?", campaignId);
    }

    private List<BlastView> views(TenantId tenant, String where, UUID value) {
        record Head(
                UUID id,
                UUID campaignId,
                String template,
                String language,
                List<String> parameters,
                String status,
                String reason,
                String by,
                Instant created,
                Instant started,
                Instant finished) {}
        List<Head> heads = jdbc.sql("select * from whatsapp_blasts where tenant_id = ? and " + where
                        + " order by created_at desc limit 50")
                .params(tenant.value(), value)
                .query((rs, n) -> new Head(
                        rs.getObject("id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getString("template_name"),
                        rs.getString("language"),
                        fromJson(rs.getString("parameters")),
                        rs.getString("status"),
                        rs.getString("reason"),
                        rs.getString("requested_by"),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("finished_at"))))
                .list();
        List<BlastView> out = new ArrayList<>();
        for (Head h : heads) {
            record R(String status, UUID outbound) {}
            List<R> rows = jdbc.sql("select status, outbound_message_id from whatsapp_blast_recipients"
                            + " where tenant_id = ? and blast_id = ?")
                    .params(tenant.value(), h.id())
                    .query((rs, n) -> new R(rs.getString(1), rs.getObject(2, UUID.class)))
                    .list();
            Map<UUID, OutboundView> outbound = new java.util.HashMap<>();
            log.getAll(
                            tenant,
                            rows.stream()
                                    .map(R::outbound)
                                    .filter(Objects::nonNull)
                                    .toList())
                    .forEach(o -> outbound.put(o.id(), o));
            int queued = 0, sent = 0, delivered = 0, read = 0, failed = 0, blocked = 0, simulated = 0;
            for (R r : rows) {
                switch (r.status()) {
                    case "QUEUED", "SENDING" -> queued++;
                    case "BLOCKED" -> blocked++;
                    case "SIMULATED" -> simulated++;
                    case "FAILED" -> failed++;
                    default -> {
                        OutboundView o = outbound.get(r.outbound());
                        String receipt = o == null ? null : o.deliveryStatus();
                        if ("FAILED".equals(receipt)) {
                            failed++;
                        } else {
                            sent++;
                            delivered += "DELIVERED".equals(receipt) || "READ".equals(receipt) ? 1 : 0;
                            read += "READ".equals(receipt) ? 1 : 0;
                        }
                    }
                }
            }
            out.add(new BlastView(
                    h.id(),
                    h.campaignId(),
                    h.template(),
                    h.language(),
                    h.parameters(),
                    h.status(),
                    rows.size(),
                    queued,
                    sent,
                    delivered,
                    read,
                    failed,
                    blocked,
                    simulated,
                    h.reason(),
                    h.by(),
                    h.created(),
                    h.started(),
                    h.finished()));
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> fromJson(String value) {
        try {
            return value == null ? List.of() : json.readValue(value, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
