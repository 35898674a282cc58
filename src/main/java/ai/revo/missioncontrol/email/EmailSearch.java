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

/** Sent and attempted emails for the global search, by recipient or subject. */
@Service
class EmailSearch implements SearchSource {

    private final JdbcClient jdbc;

    EmailSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String label() {
        return "Emails";
    }

    @Override
    @Transactional(readOnly = true)
    public List<SearchHit> search(TenantScoped tenant, SearchQuery query, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(tenant.tenantUuid());
        StringBuilder where = new StringBuilder();
        for (String pattern : query.containsPatterns()) {
            where.append(" and lower(to_email || ' ' || subject) like ?");
            params.add(pattern);
        }
        params.add(limit);
        return jdbc.sql("select id, to_email, subject, status from emails where tenant_id = ?" + where + " limit ?")
                .params(params)
                .query((rs, n) -> new SearchHit(
                        "email",
                        rs.getString("id"),
                        rs.getString("subject"),
                        rs.getString("to_email") + " · " + rs.getString("status"),
                        "/emails/" + rs.getString("id")))
                .list();
    }
}
