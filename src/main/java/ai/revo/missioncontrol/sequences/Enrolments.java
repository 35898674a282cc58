package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.contacts.Score;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads in sequences: enrol (a lead at most once per sequence), list, pause, resume and stop. Enrolments of one
 * sequence are serialised on the sequence's row, so two requests enrolling the same lead at once make one enrolment.
 */
@Service
public class Enrolments {

    static final int MAX_LEADS = 1000;
    static final int MAX_FILTERED = 10_000;

    /** Leads in these statuses are not enrolled (and are stopped when they move there). */
    static final Set<LeadStatus> ENDED = EnumSet.of(LeadStatus.BOOKED, LeadStatus.WON, LeadStatus.LOST, LeadStatus.DND);

    private final SequenceRepository sequences;
    private final EnrolmentRepository enrolments;
    private final LeadManagement leads;
    private final CampaignManagement campaigns;
    private final StepQueue queue;
    private final EnrolmentLocks locks;
    private final StepMessages messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    Enrolments(
            SequenceRepository sequences,
            EnrolmentRepository enrolments,
            LeadManagement leads,
            CampaignManagement campaigns,
            StepQueue queue,
            EnrolmentLocks locks,
            StepMessages messages,
            JdbcClient jdbc,
            Clock clock) {
        this.sequences = sequences;
        this.enrolments = enrolments;
        this.leads = leads;
        this.campaigns = campaigns;
        this.queue = queue;
        this.locks = locks;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Enrols the leads named, or those of the campaign matching the filter. A lead of another campaign is a 400
     * naming it; a lead already in the sequence, or BOOKED, WON, LOST or DND, is skipped with the reason. 404 unknown
     * sequence; 409 when it is archived.
     */
    @Transactional
    public EnrolOutcome enrol(TenantId tenant, UUID sequenceId, EnrolRequest request, Actor actor) {
        if (request == null || (request.leadIds() == null && request.filter() == null)) {
            throw ApiException.invalidField("leadIds", "or filter is required");
        }
        if (request.leadIds() != null && request.filter() != null) {
            throw ApiException.invalidField("filter", "cannot be combined with leadIds");
        }
        Sequence sequence = lockSequence(tenant, sequenceId);
        if (sequence.status() == SequenceStatus.ARCHIVED) {
            throw new ApiException(
                    ErrorCode.CONFLICT, "An archived sequence takes no more leads", Map.of("status", "ARCHIVED"));
        }
        List<LeadView> chosen = request.leadIds() != null
                ? named(tenant, sequence, request.leadIds())
                : filtered(tenant, sequence, request.filter());
        Set<UUID> already = new HashSet<>(jdbc.sql("""
                        select lead_id from sequence_enrolments where tenant_id = :tenant and sequence_id = :sequence
                        and lead_id = any(:leads)""")
                .param("tenant", tenant.value())
                .param("sequence", sequenceId)
                .param("leads", chosen.stream().map(LeadView::id).toArray(UUID[]::new))
                .query(UUID.class)
                .list());
        Instant now = clock.instant();
        ZoneId zone = zone(tenant, sequence.campaignId());
        SequenceView.Step first = sequence.steps().values().isEmpty()
                ? null
                : sequence.steps().values().get(0);
        List<EnrolmentView> enrolled = new ArrayList<>();
        List<EnrolOutcome.Skipped> skipped = new ArrayList<>();
        for (LeadView lead : chosen) {
            if (already.contains(lead.id())) {
                skipped.add(new EnrolOutcome.Skipped(lead.id(), "already in this sequence"));
                continue;
            }
            if (ENDED.contains(lead.status())) {
                skipped.add(new EnrolOutcome.Skipped(lead.id(), "the lead is " + lead.status()));
                continue;
            }
            Instant due = first == null ? now : first.delay().after(now, zone);
            Enrolment e = enrolments.save(Enrolment.enrol(
                    tenant, sequenceId, sequence.campaignId(), lead.id(), lead.contactId(), due, actor, now));
            queue.schedule(tenant, e.id(), 1, due);
            enrolled.add(e.view());
        }
        return new EnrolOutcome(enrolled, skipped);
    }

    @Transactional(readOnly = true)
    public PageResult<EnrolmentView> list(TenantId tenant, UUID sequenceId, EnrolmentStatus status, PageQuery page) {
        sequences
                .findByTenantIdAndId(tenant, sequenceId)
                .orElseThrow(() -> ApiException.notFound("Sequence", sequenceId));
        String where = " where tenant_id = :tenant and sequence_id = :sequence"
                + " and (cast(:status as text) is null or status = :status)";
        long total = jdbc.sql("select count(*) from sequence_enrolments" + where)
                .param("tenant", tenant.value())
                .param("sequence", sequenceId)
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
        List<UUID> ids = jdbc.sql("select id from sequence_enrolments" + where
                        + " order by created_at, id limit :limit offset :offset")
                .param("tenant", tenant.value())
                .param("sequence", sequenceId)
                .param("status", status == null ? null : status.name())
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(UUID.class)
                .list();
        Map<UUID, EnrolmentView> found = new HashMap<>();
        if (!ids.isEmpty()) {
            enrolments.findAllByTenantIdAndIdIn(tenant, ids).forEach(e -> found.put(e.id(), e.view()));
        }
        return PageResult.of(
                ids.stream().map(found::get).filter(Objects::nonNull).toList(), page, total);
    }

    @Transactional(readOnly = true)
    public EnrolmentView get(TenantId tenant, UUID id) {
        return enrolments
                .findByTenantIdAndId(tenant, id)
                .orElseThrow(() -> ApiException.notFound("Enrolment", id))
                .view();
    }

    /** Pauses an ACTIVE enrolment (409 otherwise): its due step is held until it is resumed. */
    @Transactional
    public EnrolmentView pause(TenantId tenant, UUID id, Actor actor) {
        Enrolment e = lock(tenant, id);
        e.pause(actor, clock.instant());
        return enrolments.save(e).view();
    }

    /** Resumes a PAUSED enrolment (409 otherwise): its step is due again at once, or when it was due if later. */
    @Transactional
    public EnrolmentView resume(TenantId tenant, UUID id, Actor actor) {
        Enrolment e = lock(tenant, id);
        Instant now = clock.instant();
        e.resume(e.nextStepAt() == null ? now : e.nextStepAt(), actor, now);
        queue.schedule(tenant, e.id(), e.currentStep(), e.nextStepAt());
        return enrolments.save(e).view();
    }

    /**
     * A person stops an ACTIVE or PAUSED enrolment for good (409 when it already ended); its message not yet out is
     * withdrawn (a draft waiting for approval is rejected with the reason).
     */
    @Transactional
    public EnrolmentView stop(TenantId tenant, UUID id, String reason, Actor actor) {
        Enrolment e = lock(tenant, id);
        String why = reason == null || reason.isBlank() ? "stopped by a person" : reason.strip();
        if (why.length() > 500) {
            throw ApiException.invalidField("reason", "must be at most 500 characters");
        }
        Instant now = clock.instant();
        if (!e.stop(why, actor, now)) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Only an ACTIVE or PAUSED enrolment can be stopped; this one is " + e.status(),
                    Map.of("status", e.status().name()));
        }
        EnrolmentView view = enrolments.save(e).view();
        messages.withdraw(tenant, List.of(id), why, now);
        return view;
    }

    /**
     * Stops every open enrolment of the leads of this contact ({@code contactId}) or of one lead ({@code leadId};
     * one of them must be given), each under its row lock, so a step due in the same second either ran before or
     * sees the stop; a message a step produced that has not gone out yet is withdrawn (a draft waiting for approval
     * is rejected with the reason), also of an enrolment that already FINISHED. Returns how many enrolments were stopped; idempotent.
     */
    @Transactional
    public int stopOpen(TenantId tenant, UUID contactId, UUID leadId, String reason, Actor actor) {
        if (contactId == null && leadId == null) {
            throw new IllegalArgumentException("a contact or a lead is required");
        }
        // lock every enrolment of the person first; what to stop and withdraw is read after the locks are held, by
        // new statements that see what a step committed meanwhile (a statement's own snapshot would not)
        List<UUID> ids = jdbc.sql("""
                        select id from sequence_enrolments where tenant_id = :tenant
                        and (cast(:contact as uuid) is null or contact_id = :contact)
                        and (cast(:lead as uuid) is null or lead_id = :lead)
                        order by id for update""")
                .param("tenant", tenant.value())
                .param("contact", contactId)
                .param("lead", leadId)
                .query(UUID.class)
                .list();
        Instant now = clock.instant();
        int stopped = 0;
        for (Enrolment e : ids.isEmpty() ? List.<Enrolment>of() : enrolments.findAllByTenantIdAndIdIn(tenant, ids)) {
            if (e.stop(reason, actor, now)) {
                enrolments.save(e);
                stopped++;
            }
        }
        messages.withdraw(tenant, ids, reason, now);
        return stopped;
    }

    private Enrolment lock(TenantId tenant, UUID id) {
        return locks.lock(tenant, id);
    }

    private Sequence lockSequence(TenantId tenant, UUID id) {
        jdbc.sql("select id from sequences where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Sequence", id));
        return sequences.findByTenantIdAndId(tenant, id).orElseThrow();
    }

    private List<LeadView> named(TenantId tenant, Sequence sequence, List<UUID> ids) {
        if (ids.isEmpty()) {
            throw ApiException.invalidField("leadIds", "must name at least one lead");
        }
        if (ids.size() > MAX_LEADS) {
            throw ApiException.invalidField("leadIds", "must be at most " + MAX_LEADS + " leads");
        }
        Set<UUID> unique = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                throw ApiException.invalidField("leadIds[" + i + "]", "is required");
            }
            unique.add(ids.get(i));
        }
        Map<UUID, LeadView> found = new HashMap<>();
        leads.getAll(tenant, unique).forEach(l -> found.put(l.id(), l));
        List<LeadView> chosen = new ArrayList<>();
        for (UUID id : unique) {
            LeadView lead = found.get(id);
            if (lead == null) {
                throw ApiException.invalidField("leadIds[" + ids.indexOf(id) + "]", "is not a lead of this workspace");
            }
            if (!lead.campaignId().equals(sequence.campaignId())) {
                throw ApiException.invalidField(
                        "leadIds[" + ids.indexOf(id) + "]", "is a lead of another campaign than the sequence's");
            }
            chosen.add(lead);
        }
        return chosen;
    }

    private List<LeadView> filtered(TenantId tenant, Sequence sequence, EnrolRequest.Filter filter) {
        LeadStatus status = SequenceSteps.parse(LeadStatus.class, "filter.status", filter.status(), false);
        Score score = SequenceSteps.parse(Score.class, "filter.score", filter.score(), false);
        String q =
                filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
        List<LeadView> chosen = new ArrayList<>();
        leads.forEach(tenant, new LeadQuery(status, score, sequence.campaignId(), null, q), lead -> {
            if (chosen.size() < MAX_FILTERED + 1) {
                chosen.add(lead);
            }
        });
        if (chosen.size() > MAX_FILTERED) {
            throw ApiException.invalidField("filter", "matches more than " + MAX_FILTERED + " leads; narrow it");
        }
        return chosen;
    }

    private ZoneId zone(TenantId tenant, UUID campaignId) {
        try {
            return ZoneId.of(campaigns.get(tenant, campaignId).timezone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
