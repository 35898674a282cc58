package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.platform.SearchHit;
import ai.revo.missioncontrol.platform.SearchQuery;
import ai.revo.missioncontrol.platform.SearchSource;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns for the global search, by name (trigram index {@code campaigns_search_trgm_idx}). */
@Service
class CampaignSearch implements SearchSource {

    private final JdbcClient jdbc;

    CampaignSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String label() {
        return "Campaigns";
    }

    @Override
    @Transactional(readOnly = true)
    public List<SearchHit> search(TenantScoped tenant, SearchQuery query, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(tenant.tenantUuid());
        StringBuilder where = new StringBuilder();
        for (String pattern : query.containsPatterns()) {
            where.append(" and lower(name) like ?");
            params.add(pattern);
        }
        params.add(limit);
        return jdbc.sql("select id, name, status, objective from campaigns where tenant_id = ?" + where
                        + " order by status = 'ARCHIVED', updated_at desc limit ?")
                .params(params)
                .query((rs, n) -> new SearchHit(
                        "campaign",
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("status")
                                + (rs.getString("objective") == null ? "" : " · " + rs.getString("objective")),
                        "/campaigns/" + rs.getString("id")))
                .list();
    }
}
