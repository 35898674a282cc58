package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.WorkspaceCreated;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's pipeline stages, a setting: an ordered list, each stage with a probability and a kind. Every
 * workspace starts with Qualification, Proposal, Negotiation, Contract, Won and Lost (given at signup, and to an older
 * workspace the first time its stages are read).
 */
@Service
public class PipelineStages {

    static final Object[][] DEFAULTS = {
        {"Qualification", 10, StageKind.OPEN},
        {"Proposal", 30, StageKind.OPEN},
        {"Negotiation", 60, StageKind.OPEN},
        {"Contract", 80, StageKind.OPEN},
        {"Won", 100, StageKind.WON},
        {"Lost", 0, StageKind.LOST}
    };

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PipelineStages(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Gives a new workspace the default stages, inside the transaction that creates it. */
    @EventListener
    void seed(WorkspaceCreated created) {
        seedDefaults(new TenantId(created.tenantId()));
    }

    /** Adds the default stages when the workspace has none; idempotent, safe when two callers race. */
    @Transactional
    public void seedDefaults(TenantId tenant) {
        Long count = jdbc.sql("select count(*) from pipeline_stages where tenant_id = ?")
                .params(tenant.value())
                .query(Long.class)
                .single();
        if (count > 0) {
            return;
        }
        Instant now = clock.instant();
        for (int i = 0; i < DEFAULTS.length; i++) {
            jdbc.sql("insert into pipeline_stages (id, tenant_id, name, position, probability, kind, created_at, "
                            + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(
                            UUID.randomUUID(),
                            tenant.value(),
                            DEFAULTS[i][0],
                            i,
                            DEFAULTS[i][1],
                            ((StageKind) DEFAULTS[i][2]).name(),
                            java.sql.Timestamp.from(now),
                            java.sql.Timestamp.from(now))
                    .update();
        }
    }

    /** The stages in order (the defaults first given to a workspace that has none). */
    @Transactional
    public List<StageView> list(TenantId tenant) {
        seedDefaults(tenant);
        return read(tenant);
    }

    /** The stage of this workspace with this id; empty for an unknown id or another workspace's stage. */
    @Transactional(readOnly = true)
    public Optional<StageView> find(TenantId tenant, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id, name, position, probability, kind from pipeline_stages where tenant_id = ? "
                        + "and id = ?")
                .params(tenant.value(), id)
                .query(PipelineStages::row)
                .optional();
    }

    /**
     * Replaces the stage list: sent stages in the order sent (with an id: that stage changed; without: a new one);
     * a stage left out is removed, 409 when deals are still on it. 400 when a name is missing or repeated, a
     * probability is outside 0–100, a kind is unknown, an id is not one of the workspace's stages, or the list lacks
     * an OPEN, a WON or a LOST stage.
     */
    @Transactional
    public List<StageView> replace(TenantId tenant, List<StageDraft> drafts, Actor actor) {
        List<StageView> before = list(tenant);
        if (drafts == null || drafts.isEmpty()) {
            throw ApiException.invalidField("stages", "must list at least one OPEN, one WON and one LOST stage");
        }
        if (drafts.size() > 20) {
            throw ApiException.invalidField("stages", "must be at most 20");
        }
        Set<String> names = new HashSet<>();
        Set<StageKind> kinds = new HashSet<>();
        Set<UUID> kept = new HashSet<>();
        Set<UUID> known = new HashSet<>();
        before.forEach(s -> known.add(s.id()));
        for (int i = 0; i < drafts.size(); i++) {
            StageDraft d = drafts.get(i);
            String field = "stages[" + i + "]";
            if (d == null
                    || d.name() == null
                    || d.name().isBlank()
                    || d.name().strip().length() > 60) {
                throw ApiException.invalidField(field + ".name", "must be 1 to 60 characters");
            }
            if (!names.add(d.name().strip().toLowerCase(Locale.ROOT))) {
                throw ApiException.invalidField(field + ".name", "repeats another stage's name");
            }
            if (d.probability() == null || d.probability() < 0 || d.probability() > 100) {
                throw ApiException.invalidField(field + ".probability", "must be between 0 and 100");
            }
            kinds.add(kind(field + ".kind", d.kind()));
            if (d.id() != null) {
                if (!known.contains(d.id())) {
                    throw ApiException.invalidField(field + ".id", "is not a stage of this workspace");
                }
                kept.add(d.id());
            }
        }
        if (!kinds.containsAll(Set.of(StageKind.OPEN, StageKind.WON, StageKind.LOST))) {
            throw ApiException.invalidField("stages", "must include an OPEN, a WON and a LOST stage");
        }
        for (StageView s : before) {
            if (!kept.contains(s.id())) {
                Long deals = jdbc.sql("select count(*) from deals where tenant_id = ? and stage_id = ?")
                        .params(tenant.value(), s.id())
                        .query(Long.class)
                        .single();
                if (deals > 0) {
                    throw ApiException.conflict(
                            "Stage " + s.name() + " still has " + deals + " deal(s); move them before removing it");
                }
                jdbc.sql("delete from pipeline_stages where tenant_id = ? and id = ?")
                        .params(tenant.value(), s.id())
                        .update();
            }
        }
        Instant now = clock.instant();
        try {
            // names first moved aside, so a swap of two names does not collide on the unique index
            jdbc.sql("update pipeline_stages set name = id::text where tenant_id = ?")
                    .params(tenant.value())
                    .update();
            for (int i = 0; i < drafts.size(); i++) {
                StageDraft d = drafts.get(i);
                String kind = kind("kind", d.kind()).name();
                if (d.id() != null) {
                    jdbc.sql("update pipeline_stages set name = ?, position = ?, probability = ?, kind = ?, "
                                    + "version = version + 1, updated_at = ? where tenant_id = ? and id = ?")
                            .params(
                                    d.name().strip(),
                                    i,
                                    d.probability(),
                                    kind,
                                    java.sql.Timestamp.from(now),
                                    tenant.value(),
                                    d.id())
                            .update();
                } else {
                    jdbc.sql("insert into pipeline_stages (id, tenant_id, name, position, probability, kind, "
                                    + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                            .params(
                                    UUID.randomUUID(),
                                    tenant.value(),
                                    d.name().strip(),
                                    i,
                                    d.probability(),
                                    kind,
                                    java.sql.Timestamp.from(now),
                                    java.sql.Timestamp.from(now))
                            .update();
                }
            }
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("Two stages would have the same name");
        }
        List<StageView> after = read(tenant);
        events.publishEvent(new PipelineStagesEdited(
                tenant.value(),
                before.stream().map(StageView::name).toList(),
                after.stream().map(StageView::name).toList(),
                actor));
        return after;
    }

    private List<StageView> read(TenantId tenant) {
        return jdbc.sql("select id, name, position, probability, kind from pipeline_stages where tenant_id = ? "
                        + "order by position, name")
                .params(tenant.value())
                .query(PipelineStages::row)
                .list();
    }

    private static StageKind kind(String field, String kind) {
        try {
            return StageKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be OPEN, WON or LOST");
        }
    }

    private static StageView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StageView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getInt("position"),
                rs.getInt("probability"),
                StageKind.valueOf(rs.getString("kind")));
    }
}
