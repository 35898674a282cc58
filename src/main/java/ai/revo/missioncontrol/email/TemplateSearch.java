package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.SearchHit;
import ai.revo.missioncontrol.platform.SearchQuery;
import ai.revo.missioncontrol.platform.SearchSource;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Email templates for the global search, by title, subject or category. */
@Service
class TemplateSearch implements SearchSource {

    private final JdbcClient jdbc;

    TemplateSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String label() {
        return "Templates";
    }

    @Override
    @Transactional(readOnly = true)
    public List<SearchHit> search(TenantScoped tenant, SearchQuery query, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(tenant.tenantUuid());
        StringBuilder where = new StringBuilder();
        for (String pattern : query.containsPatterns()) {
            where.append(" and lower(title || ' ' || subject || ' ' || category) like ?");
            params.add(pattern);
        }
        params.add(limit);
        return jdbc.sql("select id, title, subject, category from email_templates where tenant_id = ?" + where
                        + " limit ?")
                .params(params)
                .query((rs, n) -> new SearchHit(
                        "template",
                        rs.getString("id"),
                        rs.getString("title"),
                        rs.getString("category") + " · " + rs.getString("subject"),
                        "/templates/" + rs.getString("id") + "/edit"))
                .list();
    }
}
