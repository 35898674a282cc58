package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The deals' short transactions: contacts and leads are resolved by {@link Deals} before these start. */
@Service
class DealSteps {

    private final DealRepository deals;
    private final PipelineStages stages;
    private final JdbcClient jdbc;
    private final Clock clock;

    DealSteps(DealRepository deals, PipelineStages stages, JdbcClient jdbc, Clock clock) {
        this.deals = deals;
        this.stages = stages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Deal open(TenantId tenant, UUID contactId, UUID leadId, UUID companyId, DealDraft draft, Actor actor) {
        List<StageView> all = stages.list(tenant);
        StageView stage = draft.stageId() == null
                ? all.stream()
                        .filter(s -> s.kind() == StageKind.OPEN)
                        .findFirst()
                        .orElseThrow(() -> ApiException.conflict("The pipeline has no OPEN stage"))
                : stage(tenant, draft.stageId());
        Deal deal = Deal.open(tenant, contactId, leadId, companyId, draft, stage, actor, clock.instant());
        try {
            deal = deals.save(deal);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("This lead already has a deal");
        }
        record(tenant, deal.id(), new Deal.Move(null, stage.id(), clock.instant(), null, null), actor);
        return deal;
    }

    @Transactional
    public Deal change(TenantId tenant, UUID id, DealDraft draft, Actor actor) {
        Deal deal = load(tenant, id);
        deal.change(draft, actor, clock.instant());
        return save(deal);
    }

    @Transactional
    public Deal move(TenantId tenant, UUID id, UUID stageId, String lostReason, Actor actor) {
        if (stageId == null) {
            throw ApiException.invalidField("stageId", "is required");
        }
        Deal deal = load(tenant, id);
        StageView to = stage(tenant, stageId);
        StageView from = stages.find(tenant, deal.stageId()).orElse(null);
        var move = deal.moveTo(from, to, lostReason, actor, clock.instant());
        if (move.isEmpty()) {
            return deal;
        }
        deal = save(deal);
        record(tenant, id, move.get(), actor);
        return deal;
    }

    private StageView stage(TenantId tenant, UUID stageId) {
        return stages.find(tenant, stageId)
                .orElseThrow(() -> ApiException.invalidField("stageId", "is not a stage of this workspace"));
    }

    private Deal save(Deal deal) {
        try {
            return deals.save(deal);
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("The deal was changed meanwhile; load it again and retry");
        }
    }

    private void record(TenantId tenant, UUID dealId, Deal.Move move, Actor actor) {
        jdbc.sql("insert into deal_stage_changes (id, tenant_id, deal_id, from_stage_id, to_stage_id, actor_type, "
                        + "actor_id, actor_name, changed_at, seconds_in_from_stage, lost_reason) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        dealId,
                        move.fromStageId(),
                        move.toStageId(),
                        actor.type().name(),
                        actor.id(),
                        actor.name(),
                        Timestamp.from(move.at()),
                        move.secondsInFromStage(),
                        move.lostReason())
                .update();
    }

    @Transactional(readOnly = true)
    public Deal load(TenantId tenant, UUID id) {
        return deals.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Deal", id));
    }

    @Transactional(readOnly = true)
    public List<Deal> loadAll(TenantId tenant, List<UUID> ids) {
        List<Deal> out = new ArrayList<>();
        for (UUID id : ids) {
            deals.findByTenantIdAndId(tenant, id).ifPresent(out::add);
        }
        return out;
    }

    private static final String FILTER = " from deals d join pipeline_stages s on s.tenant_id = d.tenant_id "
            + "and s.id = d.stage_id where d.tenant_id = :tenant "
            + "and (cast(:stage as uuid) is null or d.stage_id = cast(:stage as uuid)) "
            + "and (cast(:contact as uuid) is null or d.contact_id = cast(:contact as uuid)) "
            + "and (cast(:kind as text) is null or s.kind = cast(:kind as text)) "
            + "and (cast(:q as text) is null or d.name ilike '%' || cast(:q as text) || '%' "
            + "or d.company_name ilike '%' || cast(:q as text) || '%')";

    @Transactional(readOnly = true)
    public List<UUID> ids(TenantId tenant, DealQuery query, int limit, long offset) {
        return filtered(
                        "select d.id" + FILTER + " order by s.position, d.updated_at desc, d.id limit :limit "
                                + "offset :offset",
                        tenant,
                        query)
                .param("limit", limit)
                .param("offset", offset)
                .query(UUID.class)
                .list();
    }

    @Transactional(readOnly = true)
    public long count(TenantId tenant, DealQuery query) {
        return filtered("select count(*)" + FILTER, tenant, query)
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec filtered(String sql, TenantId tenant, DealQuery q) {
        String text = q.q() == null || q.q().isBlank() ? null : q.q().strip();
        return jdbc.sql(sql)
                .param("tenant", tenant.value())
                .param("stage", q.stageId())
                .param("contact", q.contactId())
                .param("kind", q.kind() == null ? null : q.kind().name())
                .param("q", text);
    }

    @Transactional(readOnly = true)
    public List<StageChangeView> history(TenantId tenant, UUID dealId) {
        return jdbc.sql("select c.id, c.from_stage_id, f.name as from_name, c.to_stage_id, t.name as to_name, "
                        + "c.actor_type, c.actor_name, c.changed_at, c.seconds_in_from_stage, c.lost_reason "
                        + "from deal_stage_changes c "
                        + "left join pipeline_stages f on f.tenant_id = c.tenant_id and f.id = c.from_stage_id "
                        + "left join pipeline_stages t on t.tenant_id = c.tenant_id and t.id = c.to_stage_id "
                        + "where c.tenant_id = ? and c.deal_id = ? order by c.changed_at, c.created_at")
                .params(tenant.value(), dealId)
                .query((rs, n) -> new StageChangeView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("from_stage_id", UUID.class),
                        rs.getString("from_name"),
                        rs.getObject("to_stage_id", UUID.class),
                        rs.getString("to_name"),
                        rs.getString("actor_type"),
                        rs.getString("actor_name"),
                        rs.getTimestamp("changed_at").toInstant(),
                        (Long) rs.getObject("seconds_in_from_stage"),
                        rs.getString("lost_reason")))
                .list();
    }

    /** Per stage: count, and per currency the exact total and the exact probability-weighted total. */
    @Transactional
    public List<PipelineColumn> pipeline(TenantId tenant) {
        List<StageView> all = stages.list(tenant);
        Map<UUID, long[]> counts = new LinkedHashMap<>();
        Map<UUID, Map<String, BigDecimal>> totals = new LinkedHashMap<>();
        Map<UUID, Map<String, BigDecimal>> weighted = new LinkedHashMap<>();
        jdbc.sql("select stage_id, currency, count(*) as n, sum(amount) as total, "
                        + "sum(amount * probability) / 100 as weighted from deals where tenant_id = ? "
                        + "group by stage_id, currency order by currency")
                .params(tenant.value())
                .query(rs -> {
                    UUID stage = rs.getObject("stage_id", UUID.class);
                    String currency = rs.getString("currency");
                    counts.computeIfAbsent(stage, k -> new long[1])[0] += rs.getLong("n");
                    totals.computeIfAbsent(stage, k -> new LinkedHashMap<>())
                            .put(currency, Money.round(rs.getBigDecimal("total"), currency));
                    weighted.computeIfAbsent(stage, k -> new LinkedHashMap<>())
                            .put(currency, Money.round(rs.getBigDecimal("weighted"), currency));
                });
        return all.stream()
                .map(s -> new PipelineColumn(
                        s,
                        counts.getOrDefault(s.id(), new long[1])[0],
                        totals.getOrDefault(s.id(), Map.of()),
                        weighted.getOrDefault(s.id(), Map.of())))
                .toList();
    }

    /** Open deals by month of expected close, from {@code from} (inclusive) to {@code until} (exclusive). */
    @Transactional(readOnly = true)
    public List<ForecastMonth> forecast(TenantId tenant, LocalDate from, LocalDate until) {
        return jdbc.sql("select to_char(d.expected_close_date, 'YYYY-MM') as month, d.currency, count(*) as n, "
                        + "sum(d.amount) as total, sum(d.amount * d.probability) / 100 as weighted from deals d "
                        + "join pipeline_stages s on s.tenant_id = d.tenant_id and s.id = d.stage_id "
                        + "where d.tenant_id = ? and s.kind = 'OPEN' and d.expected_close_date >= ? "
                        + "and d.expected_close_date < ? group by 1, 2 order by 1, 2")
                .params(tenant.value(), from, until)
                .query((rs, n) -> {
                    String currency = rs.getString("currency");
                    return new ForecastMonth(
                            rs.getString("month"),
                            currency,
                            rs.getLong("n"),
                            Money.round(rs.getBigDecimal("total"), currency),
                            Money.round(rs.getBigDecimal("weighted"), currency));
                })
                .list();
    }

    /** Per currency, the total of deals that entered a WON stage at or after {@code since}. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> wonSince(TenantId tenant, java.time.Instant since) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        jdbc.sql("select d.currency, sum(d.amount) from deals d join pipeline_stages s on s.tenant_id = d.tenant_id "
                        + "and s.id = d.stage_id where d.tenant_id = ? and s.kind = 'WON' and d.closed_at >= ? "
                        + "group by d.currency order by d.currency")
                .params(tenant.value(), Timestamp.from(since))
                .query(rs -> {
                    out.put(rs.getString(1), Money.round(rs.getBigDecimal(2), rs.getString(1)));
                });
        return out;
    }
}
