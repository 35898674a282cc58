package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.ChannelStatus;
import ai.revo.missioncontrol.outbound.ChannelStatuses;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SearchQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import ai.revo.missioncontrol.safety.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval inbox as a reviewer works through it: the waiting drafts narrowed by campaign, channel, author,
 * confidence, priority and words, paged in the database; what they can be narrowed by; and which draft comes next.
 * Each page is read in a fixed number of queries, whatever its size.
 */
@Service
public class ApprovalInbox {

    /** The inbox's order: the most urgent first, then the longest waiting. */
    static final String ORDER = " order by case priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2"
            + " else 3 end, submitted_at nulls last, id";

    private static final int MAX_MATCHING_LEADS = 200;

    private final DraftRepository drafts;
    private final LeadManagement leads;
    private final CampaignManagement campaigns;
    private final ChannelStatuses channels;
    private final JdbcClient jdbc;

    ApprovalInbox(
            DraftRepository drafts,
            LeadManagement leads,
            CampaignManagement campaigns,
            ChannelStatuses channels,
            JdbcClient jdbc) {
        this.drafts = drafts;
        this.leads = leads;
        this.campaigns = campaigns;
        this.channels = channels;
        this.jdbc = jdbc;
    }

    /** The waiting drafts that match {@code filter}, in the inbox's order. 400 when {@code q} is one character. */
    @Transactional(readOnly = true)
    public PageResult<InboxItem> page(TenantId tenant, InboxFilter filter, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(tenant, filter == null ? InboxFilter.NONE : filter, params);
        long total = jdbc.sql("select count(*) from drafts" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", page.limit());
        params.put("offset", page.offset());
        List<UUID> ids = jdbc.sql("select id from drafts" + where + ORDER + " limit :limit offset :offset")
                .params(params)
                .query(UUID.class)
                .list();
        return PageResult.of(items(tenant, ids), page, total);
    }

    /**
     * The draft a reviewer sees after deciding one: {@code preferred} when it still waits and matches the filter,
     * else the first waiting draft that matches; empty when none is left.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> next(TenantId tenant, InboxFilter filter, UUID preferred) {
        Map<String, Object> params = new HashMap<>();
        String where = where(tenant, filter == null ? InboxFilter.NONE : filter, params);
        if (preferred != null) {
            params.put("preferred", preferred);
            Optional<UUID> still = jdbc.sql("select id from drafts" + where + " and id = :preferred")
                    .params(params)
                    .query(UUID.class)
                    .optional();
            if (still.isPresent()) {
                return still;
            }
        }
        return jdbc.sql("select id from drafts" + where + ORDER + " limit 1")
                .params(params)
                .query(UUID.class)
                .optional();
    }

    /** What the waiting drafts can be filtered by: their campaigns, authors and channels, with counts. */
    @Transactional(readOnly = true)
    public InboxFacets facets(TenantId tenant) {
        Map<UUID, Long> byCampaign = new LinkedHashMap<>();
        jdbc.sql("select campaign_id, count(*) as n from drafts where tenant_id = ? and status = 'NEEDS_APPROVAL' "
                        + "group by campaign_id order by n desc, campaign_id")
                .param(tenant.value())
                .query(rs -> {
                    byCampaign.put(rs.getObject("campaign_id", UUID.class), rs.getLong("n"));
                });
        List<InboxFacets.CampaignCount> campaignCounts = byCampaign.entrySet().stream()
                .map(e -> new InboxFacets.CampaignCount(
                        e.getKey(), campaigns.get(tenant, e.getKey()).name(), e.getValue()))
                .toList();
        List<InboxFacets.AuthorCount> authors = jdbc.sql("""
                select author_type, author_id, max(author_name) as author_name, count(*) as n from drafts
                where tenant_id = ? and status = 'NEEDS_APPROVAL'
                group by author_type, author_id order by n desc, author_type, author_id
                """)
                .param(tenant.value())
                .query((rs, i) -> {
                    Actor author = new Actor(
                            Actor.Type.valueOf(rs.getString("author_type")),
                            rs.getString("author_id"),
                            rs.getString("author_name"));
                    String key = author.id() == null
                            ? author.type().name()
                            : author.type().name() + ":" + author.id();
                    return new InboxFacets.AuthorCount(key, author, rs.getLong("n"));
                })
                .list();
        Map<Channel, Long> byChannel = new LinkedHashMap<>();
        jdbc.sql("select channel, count(*) as n from drafts where tenant_id = ? and status = 'NEEDS_APPROVAL' "
                        + "group by channel order by channel")
                .param(tenant.value())
                .query(rs -> {
                    byChannel.put(Channel.valueOf(rs.getString("channel")), rs.getLong("n"));
                });
        Map<Channel, ChannelStatus> statuses = statuses(tenant);
        List<InboxFacets.ChannelCount> channelCounts = byChannel.entrySet().stream()
                .map(e -> new InboxFacets.ChannelCount(statuses.get(e.getKey()), e.getValue()))
                .toList();
        return new InboxFacets(campaignCounts, authors, channelCounts);
    }

    /** The inbox items for these drafts, in the order given, read in a fixed number of queries. */
    @Transactional(readOnly = true)
    public List<InboxItem> items(TenantId tenant, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, DraftView> views = drafts.findAllByTenantIdAndIdIn(tenant, ids).stream()
                .map(Draft::view)
                .collect(Collectors.toMap(DraftView::id, Function.identity()));
        Map<UUID, LeadView> leadsById = leads
                .getAll(
                        tenant,
                        views.values().stream()
                                .map(DraftView::leadId)
                                .filter(java.util.Objects::nonNull)
                                .distinct()
                                .toList())
                .stream()
                .collect(Collectors.toMap(LeadView::id, Function.identity()));
        Map<UUID, String> campaignNames = new HashMap<>();
        views.values().stream()
                .map(DraftView::campaignId)
                .distinct()
                .forEach(c -> campaignNames.put(c, campaigns.get(tenant, c).name()));
        Map<Channel, ChannelStatus> statuses = statuses(tenant);
        List<InboxItem> items = new ArrayList<>();
        for (UUID id : ids) {
            DraftView d = views.get(id);
            if (d != null) {
                items.add(new InboxItem(
                        d,
                        campaignNames.get(d.campaignId()),
                        d.leadId() == null ? null : leadsById.get(d.leadId()),
                        statuses.get(d.channel())));
            }
        }
        return items;
    }

    /** Which of these ids are drafts of this workspace (in any status). */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> existing(TenantId tenant, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("select id from drafts where tenant_id = :tenant and id in (:ids)")
                .param("tenant", tenant.value())
                .param("ids", List.copyOf(ids))
                .query(UUID.class)
                .list());
    }

    /** Whether each channel can send for the workspace now. */
    public Map<Channel, ChannelStatus> statuses(TenantId tenant) {
        return channels.all(tenant).stream().collect(Collectors.toMap(ChannelStatus::channel, Function.identity()));
    }

    private String where(TenantId tenant, InboxFilter f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where tenant_id = :tenant and status = 'NEEDS_APPROVAL'");
        params.put("tenant", tenant.value());
        if (f.campaignId() != null) {
            sql.append(" and campaign_id = :campaign");
            params.put("campaign", f.campaignId());
        }
        if (f.channel() != null) {
            sql.append(" and channel = :channel");
            params.put("channel", f.channel().name());
        }
        if (f.authorType() != null) {
            sql.append(" and author_type = :authorType");
            params.put("authorType", f.authorType());
            if (f.authorId() != null) {
                sql.append(" and author_id = :authorId");
                params.put("authorId", f.authorId());
            }
        }
        if (f.priority() != null) {
            sql.append(" and priority = :priority");
            params.put("priority", f.priority().name());
        }
        if (f.minConfidence() != null) {
            sql.append(" and confidence >= :minConfidence");
            params.put("minConfidence", f.minConfidence());
        }
        if (f.maxConfidence() != null) {
            sql.append(" and confidence < :maxConfidence");
            params.put("maxConfidence", f.maxConfidence());
        }
        if (Boolean.TRUE.equals(f.withoutConfidence())) {
            sql.append(" and confidence is null");
        }
        if (f.q() != null) {
            SearchQuery query = SearchQuery.parse(f.q());
            if (query == null) {
                throw ApiException.invalidField("q", "must be at least " + SearchQuery.MIN_LENGTH + " characters");
            }
            // the draft's own words, or the person it is for (their lead's name, email or company)
            String tsquery = query.prefixTsQuery();
            if (tsquery.isEmpty()) {
                sql.append(" and (false");
            } else {
                sql.append(" and (to_tsvector('simple', coalesce(subject, '') || ' ' || body_text)"
                        + " @@ to_tsquery('simple', :tsquery)");
                params.put("tsquery", tsquery);
            }
            List<UUID> matchingLeads = leads
                    .list(
                            tenant,
                            new LeadQuery(null, null, f.campaignId(), null, f.q()),
                            new PageQuery(1, MAX_MATCHING_LEADS),
                            SortOrder.of(null, null, LeadManagement.SORTABLE, "updatedAt", false))
                    .data()
                    .stream()
                    .map(LeadView::id)
                    .toList();
            if (!matchingLeads.isEmpty()) {
                sql.append(" or lead_id in (:leads)");
                params.put("leads", matchingLeads);
            }
            sql.append(")");
        }
        return sql.toString();
    }
}
