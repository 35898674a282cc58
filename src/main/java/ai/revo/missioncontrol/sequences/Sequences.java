package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.email.EmailTemplates;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sequences of a campaign: build (steps checked as a whole before anything is stored), change, activate, pause and
 * archive. Every refusal is a 400 naming the field, or a 409 for a move the status does not allow; nothing changes
 * on a refusal.
 */
@Service
public class Sequences {

    private final SequenceRepository sequences;
    private final CampaignManagement campaigns;
    private final EmailTemplates templates;
    private final JdbcClient jdbc;
    private final Clock clock;

    Sequences(
            SequenceRepository sequences,
            CampaignManagement campaigns,
            EmailTemplates templates,
            JdbcClient jdbc,
            Clock clock) {
        this.sequences = sequences;
        this.campaigns = campaigns;
        this.templates = templates;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Builds a DRAFT sequence of a campaign; 400 for a bad field, 404 for an unknown campaign or template. */
    @Transactional
    public SequenceView create(TenantId tenant, SequenceDraft draft, Actor actor) {
        if (draft == null) {
            throw ApiException.invalidField("body", "is required");
        }
        if (draft.campaignId() == null) {
            throw ApiException.invalidField("campaignId", "is required");
        }
        if (draft.status() != null && !draft.status().isBlank()) {
            throw ApiException.invalidField("status", "a new sequence is a DRAFT; activate it with PATCH");
        }
        SequenceSteps steps = SequenceSteps.of(draft.steps());
        Sequence.Winner winner = winner(draft.winnerTakesAll());
        campaigns.get(tenant, draft.campaignId());
        checkContent(tenant, steps);
        return sequences
                .save(Sequence.create(tenant, draft.campaignId(), draft.name(), steps, winner, actor, clock.instant()))
                .view();
    }

    /**
     * Changes the fields sent: name, steps (the whole list), winnerTakesAll, status (ACTIVE, PAUSED, ARCHIVED). An
     * activation by an admin ({@code byAdmin}) approves the steps as they are. 404 unknown, 409 archived or a move
     * not allowed.
     */
    @Transactional
    public SequenceView change(TenantId tenant, UUID id, SequenceDraft draft, boolean byAdmin, Actor actor) {
        if (draft == null) {
            throw ApiException.invalidField("body", "is required");
        }
        Sequence sequence = load(tenant, id);
        if (draft.campaignId() != null && !draft.campaignId().equals(sequence.campaignId())) {
            throw ApiException.invalidField("campaignId", "cannot be changed");
        }
        SequenceSteps steps = draft.steps() == null ? null : SequenceSteps.of(draft.steps());
        SequenceStatus status = SequenceSteps.parse(SequenceStatus.class, "status", draft.status(), false);
        Sequence.Winner winner = winner(draft.winnerTakesAll());
        if (steps != null) {
            checkContent(tenant, steps);
        }
        var now = clock.instant();
        sequence.edit(draft.name(), steps, winner, draft.winnerTakesAll() != null, actor, now);
        if (status != null) {
            sequence.moveTo(status, byAdmin, actor, now);
        }
        return sequences.save(sequence).view();
    }

    @Transactional(readOnly = true)
    public SequenceView get(TenantId tenant, UUID id) {
        return load(tenant, id).view();
    }

    /** Sequences, newest first; {@code campaignId} and {@code status} filter when given. */
    @Transactional(readOnly = true)
    public PageResult<SequenceView> list(TenantId tenant, UUID campaignId, SequenceStatus status, PageQuery page) {
        String where = " where tenant_id = :tenant and (cast(:campaign as uuid) is null or campaign_id = :campaign)"
                + " and (cast(:status as text) is null or status = :status)";
        long total = jdbc.sql("select count(*) from sequences" + where)
                .param("tenant", tenant.value())
                .param("campaign", campaignId)
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
        List<UUID> ids = jdbc.sql("select id from sequences" + where
                        + " order by created_at desc, id limit :limit offset :offset")
                .param("tenant", tenant.value())
                .param("campaign", campaignId)
                .param("status", status == null ? null : status.name())
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(UUID.class)
                .list();
        Map<UUID, SequenceView> found = new HashMap<>();
        if (!ids.isEmpty()) {
            sequences.findAllByTenantIdAndIdIn(tenant, ids).forEach(s -> found.put(s.id(), s.view()));
        }
        return PageResult.of(
                ids.stream().map(found::get).filter(Objects::nonNull).toList(), page, total);
    }

    private Sequence load(TenantId tenant, UUID id) {
        return sequences.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Sequence", id));
    }

    /** Templates must exist (404) and variants may use only the known merge fields (400 naming the variant). */
    private void checkContent(TenantId tenant, SequenceSteps steps) {
        for (String[] text : steps.texts()) {
            List<String> unknown = templates.unknownFields(text[1], text[2]);
            if (!unknown.isEmpty()) {
                String field = templates.unknownFields(text[1], null).isEmpty() ? ".body" : ".subject";
                throw ApiException.invalidField(
                        text[0] + field,
                        "uses unknown merge field "
                                + String.join(
                                        ", ",
                                        unknown.stream()
                                                .map(n -> "{{" + n + "}}")
                                                .toList()));
            }
        }
        for (UUID templateId : steps.templateIds()) {
            templates.get(tenant, templateId);
        }
    }

    private static Sequence.Winner winner(SequenceDraft.WinnerDraft d) {
        if (d == null || Boolean.FALSE.equals(d.enabled())) {
            return null;
        }
        int minimum = d.minimumSends() == null ? 100 : d.minimumSends();
        if (minimum < 10 || minimum > 100_000) {
            throw ApiException.invalidField("winnerTakesAll.minimumSends", "must be from 10 to 100000");
        }
        double level = d.significance() == null ? 0.05 : d.significance();
        if (!(level > 0 && level <= 0.2)) {
            throw ApiException.invalidField("winnerTakesAll.significance", "must be above 0 and at most 0.2");
        }
        return new Sequence.Winner(minimum, level);
    }
}
