package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.SearchHit;
import ai.revo.missioncontrol.platform.SearchQuery;
import ai.revo.missioncontrol.platform.SearchSource;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts for the global search: words of the subject or the text, by prefix (full-text index
 * {@code drafts_search_fts_idx}).
 */
@Service
class DraftSearch implements SearchSource {

    private final JdbcClient jdbc;

    DraftSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String label() {
        return "Drafts";
    }

    @Override
    @Transactional(readOnly = true)
    public List<SearchHit> search(TenantScoped tenant, SearchQuery query, int limit) {
        String tsquery = query.prefixTsQuery();
        if (tsquery.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, subject, left(body_text, 120) as preview, status, channel from drafts
                where tenant_id = ?
                  and to_tsvector('simple', coalesce(subject, '') || ' ' || body_text) @@ to_tsquery('simple', ?)
                limit ?
                """)
                .params(tenant.tenantUuid(), tsquery, limit)
                .query((rs, n) -> {
                    String subject = rs.getString("subject");
                    String preview = rs.getString("preview").replaceAll("\\s+", " ");
                    return new SearchHit(
                            "draft",
                            rs.getString("id"),
                            subject == null || subject.isBlank() ? preview : subject,
                            rs.getString("status") + " · " + rs.getString("channel"),
                            "/drafts/" + rs.getString("id"));
                })
                .list();
    }
}
