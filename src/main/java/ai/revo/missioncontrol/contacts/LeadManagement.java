package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SortOrder;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leads: contacts enrolled in campaigns, their pipeline status, score and override. */
@Service
public class LeadManagement {

    public static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "potentialValue", "status", "score");
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "createdAt",
            "l.created_at",
            "updatedAt",
            "l.updated_at",
            "potentialValue",
            "l.potential_value",
            "status",
            "l.status",
            "score",
            "coalesce(l.score_override, l.score)");

    private final LeadRepository leads;
    private final ContactManagement contacts;
    private final JdbcClient jdbc;
    private final Clock clock;

    LeadManagement(LeadRepository leads, ContactManagement contacts, JdbcClient jdbc, Clock clock) {
        this.leads = leads;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Enrols a contact (an existing one by id, or one upserted from {@code details}) in a campaign. 400 without a
     * campaign; 404 when the campaign or contact is not in this workspace; 409 when the contact is already a lead
     * of that campaign (details carry its id).
     */
    @Transactional
    public LeadView enrol(
            TenantId tenant, UUID campaignId, UUID contactId, ContactDetails details, LeadChange initial, Actor actor) {
        if (campaignId == null) {
            throw ApiException.invalidField("campaignId", "is required");
        }
        if (contactId == null && details == null) {
            throw ApiException.invalidField("contact", "give contactId or a contact to create");
        }
        UUID contact = contactId != null
                ? contacts.load(tenant, contactId).id()
                : contacts.upsertContact(tenant, details, actor).id();
        leads.findByTenantIdAndCampaignIdAndContactId(tenant, campaignId, contact)
                .ifPresent(existing -> {
                    throw new ApiException(
                            ErrorCode.CONFLICT,
                            "This contact is already a lead of the campaign",
                            Map.of("leadId", existing.id().toString()));
                });
        try {
            Lead lead = leads.save(Lead.enrol(
                    tenant,
                    campaignId,
                    contact,
                    initial == null ? LeadChange.none() : initial,
                    actor,
                    clock.instant()));
            return get(tenant, lead.id());
        } catch (DbActionExecutionException e) {
            // the composite foreign key (tenant_id, campaign_id) proves the campaign is this workspace's own
            if (e.getCause() instanceof DataIntegrityViolationException && "23503".equals(sqlState(e))) {
                throw ApiException.notFound("Campaign", campaignId);
            }
            if (e.getCause() instanceof DataIntegrityViolationException) {
                throw ApiException.conflict("This contact is already a lead of the campaign");
            }
            throw e;
        }
    }

    /**
     * Why this person must not be drafted or enrolled again, whatever the campaign: one of their leads is DND (they
     * asked not to be contacted) or LOST. Empty when nothing stands against it. {@code exceptLead} (may be null) is
     * left out, so a lead does not block itself.
     */
    @Transactional(readOnly = true)
    public Optional<String> doNotContactReason(TenantId tenant, UUID contactId, UUID exceptLead) {
        return jdbc.sql("select status from leads where tenant_id = :tenant and contact_id = :contact "
                        + "and status in ('DND', 'LOST') and (cast(:except as uuid) is null or id <> :except) "
                        + "order by case status when 'DND' then 0 else 1 end limit 1")
                .param("tenant", tenant.value())
                .param("contact", contactId)
                .param("except", exceptLead)
                .query(String.class)
                .optional()
                .map(status -> status.equals("DND")
                        ? "The person is marked do-not-contact (DND) in another campaign"
                        : "The person was lost in another campaign");
    }

    /**
     * {@link #doNotContactReason} for many leads in one query: keyed by lead id, holding only the leads whose person
     * must not be drafted or enrolled again because of another of their leads (DND or LOST).
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> doNotContactReasons(TenantId tenant, java.util.Collection<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> out = new LinkedHashMap<>();
        jdbc.sql("select l.id, (select o.status from leads o where o.tenant_id = l.tenant_id "
                        + "and o.contact_id = l.contact_id and o.id <> l.id and o.status in ('DND', 'LOST') "
                        + "order by case o.status when 'DND' then 0 else 1 end limit 1) "
                        + "from leads l where l.tenant_id = :tenant and l.id = any(:ids)")
                .param("tenant", tenant.value())
                .param("ids", leadIds.toArray(UUID[]::new))
                .query((rs, n) -> {
                    String status = rs.getString(2);
                    if (status != null) {
                        out.put(
                                rs.getObject(1, UUID.class),
                                status.equals("DND")
                                        ? "The person is marked do-not-contact (DND) in another campaign"
                                        : "The person was lost in another campaign");
                    }
                    return null;
                })
                .list();
        return out;
    }

    /** Changes a lead; a status move the pipeline does not allow is 409 with the allowed statuses. */
    @Transactional
    public LeadView change(TenantId tenant, UUID id, LeadChange change, Actor actor) {
        Lead lead = load(tenant, id);
        lead.change(change, actor, clock.instant());
        leads.save(lead);
        return get(tenant, id);
    }

    /**
     * Moves a lead forward when its pipeline allows it, and does nothing otherwise (for example a lead already
     * further along); for other modules reacting to what happened to the lead's messages.
     */
    @Transactional
    public void advance(TenantId tenant, UUID leadId, LeadStatus target, Actor actor) {
        leads.findByTenantIdAndId(tenant, leadId)
                .filter(lead -> lead.canMoveTo(target))
                .ifPresent(lead -> {
                    lead.change(
                            new LeadChange(target, null, null, null, null, null, null, null), actor, clock.instant());
                    leads.save(lead);
                });
    }

    /** Sets or (with a null score) clears the admin's score override; a reason is required to set one. */
    @Transactional
    public LeadView overrideScore(TenantId tenant, UUID id, Score score, String reason, Actor actor) {
        Lead lead = load(tenant, id);
        lead.overrideScore(score, reason, actor, clock.instant());
        leads.save(lead);
        return get(tenant, id);
    }

    @Transactional(readOnly = true)
    public LeadView get(TenantId tenant, UUID id) {
        return jdbc.sql(SELECT + " where l.tenant_id = :tenant and l.id = :id")
                .param("tenant", tenant.value())
                .param("id", id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Lead", id));
    }

    /** The leads with these ids that exist in this workspace, in one query; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<LeadView> getAll(TenantId tenant, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where l.tenant_id = :tenant and l.id in (:ids)")
                .param("tenant", tenant.value())
                .param("ids", List.copyOf(ids))
                .query(this::view)
                .list();
    }

    @Transactional(readOnly = true)
    public PageResult<LeadView> list(TenantId tenant, LeadQuery query, PageQuery page, SortOrder sort) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(tenant, query, params);
        long total = jdbc.sql("select count(*) from leads l join contacts c on c.tenant_id = l.tenant_id "
                        + "and c.id = l.contact_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", page.limit());
        params.put("offset", page.offset());
        List<LeadView> rows = jdbc.sql(SELECT + where + " order by " + SORT_COLUMNS.get(sort.field()) + " "
                        + sort.direction() + " nulls last, l.id limit :limit offset :offset")
                .params(params)
                .query(this::view)
                .list();
        return PageResult.of(rows, page, total);
    }

    /** Every lead matching {@code query}, newest first, handed to {@code each} (for exports). */
    @Transactional(readOnly = true)
    public void forEach(TenantId tenant, LeadQuery query, java.util.function.Consumer<LeadView> each) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(tenant, query, params);
        jdbc.sql(SELECT + where + " order by l.created_at desc, l.id").params(params).query(this::view).stream()
                .forEach(each);
    }

    /** The Kanban columns of a campaign (or of every campaign): count and potential value per status. */
    @Transactional(readOnly = true)
    public List<PipelineColumn> pipeline(TenantId tenant, UUID campaignId) {
        Map<LeadStatus, Long> counts = new EnumMap<>(LeadStatus.class);
        Map<LeadStatus, Map<String, BigDecimal>> values = new EnumMap<>(LeadStatus.class);
        jdbc.sql("select status, currency, count(*), coalesce(sum(potential_value), 0) from leads "
                        + "where tenant_id = :tenant and (cast(:campaign as uuid) is null or campaign_id = :campaign) "
                        + "group by status, currency")
                .param("tenant", tenant.value())
                .param("campaign", campaignId)
                .query((rs, n) -> {
                    LeadStatus status = LeadStatus.valueOf(rs.getString(1));
                    counts.merge(status, rs.getLong(3), Long::sum);
                    if (rs.getString(2) != null) {
                        values.computeIfAbsent(status, s -> new TreeMap<>())
                                .merge(rs.getString(2), rs.getBigDecimal(4), BigDecimal::add);
                    }
                    return null;
                })
                .list();
        return java.util.Arrays.stream(LeadStatus.values())
                .map(s -> new PipelineColumn(s, counts.getOrDefault(s, 0L), values.getOrDefault(s, Map.of())))
                .toList();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static final String SELECT = "select l.*, c.first_name, c.last_name, c.email, c.phone, c.company, "
            + "c.job_title from leads l join contacts c on c.tenant_id = l.tenant_id and c.id = l.contact_id";

    private static String where(TenantId tenant, LeadQuery q, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where l.tenant_id = :tenant");
        params.put("tenant", tenant.value());
        if (q.status() != null) {
            sql.append(" and l.status = :status");
            params.put("status", q.status().name());
        }
        if (q.score() != null) {
            sql.append(" and coalesce(l.score_override, l.score) = :score");
            params.put("score", q.score().name());
        }
        if (q.campaignId() != null) {
            sql.append(" and l.campaign_id = :campaign");
            params.put("campaign", q.campaignId());
        }
        if (q.ownerId() != null) {
            sql.append(" and l.owner_id = :owner");
            params.put("owner", q.ownerId());
        }
        if (q.q() != null && !q.q().isBlank()) {
            sql.append(" and (lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) like :q "
                    + "or c.email like :q or lower(coalesce(c.company, '')) like :q)");
            params.put(
                    "q",
                    "%"
                            + q.q().trim()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        }
        return sql.toString();
    }

    private LeadView view(ResultSet rs, int row) throws SQLException {
        Score score = rs.getString("score") == null ? null : Score.valueOf(rs.getString("score"));
        Score override = rs.getString("score_override") == null ? null : Score.valueOf(rs.getString("score_override"));
        return new LeadView(
                rs.getObject("id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                new LeadView.ContactSummary(
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getString("company"),
                        rs.getString("job_title")),
                LeadStatus.valueOf(rs.getString("status")),
                score,
                rs.getString("score_reason"),
                override,
                rs.getString("score_override_reason"),
                override != null ? override : score,
                rs.getBigDecimal("potential_value"),
                rs.getString("currency"),
                rs.getBigDecimal("sentiment"),
                rs.getObject("owner_id", UUID.class),
                rs.getTimestamp("last_contacted_at") == null
                        ? null
                        : rs.getTimestamp("last_contacted_at").toInstant(),
                rs.getString("next_action"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private Lead load(TenantId tenant, UUID id) {
        return leads.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Lead", id));
    }
}
