package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.platform.SearchHit;
import ai.revo.missioncontrol.platform.SearchQuery;
import ai.revo.missioncontrol.platform.SearchSource;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts for the global search: by name, email, company or phone, anywhere in the text (trigram index
 * {@code contacts_search_trgm_idx}); an exact email comes first.
 */
@Service
class ContactSearch implements SearchSource {

    /** The indexed expression; must stay identical to the one in V0051__search_indexes.sql. */
    static final String TEXT = "lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '') || ' ' "
            + "|| coalesce(c.email, '') || ' ' || coalesce(c.company, '') || ' ' || coalesce(c.phone, ''))";

    private final JdbcClient jdbc;

    ContactSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String label() {
        return "Contacts";
    }

    @Override
    @Transactional(readOnly = true)
    public List<SearchHit> search(TenantScoped tenant, SearchQuery query, int limit) {
        Map<UUID, SearchHit> hits = new LinkedHashMap<>();
        if (query.text().contains("@")) {
            jdbc.sql("select c.id, c.first_name, c.last_name, c.email, c.company, c.phone from contacts c "
                            + "where c.tenant_id = ? and c.email = ? and c.deleted_at is null")
                    .params(tenant.tenantUuid(), query.text())
                    .query((rs, n) -> hit(rs))
                    .list()
                    .forEach(h -> hits.put(UUID.fromString(h.id()), h));
        }
        // the ids come from contacts_search_ids (V0087), which can use the trigram index; the rows are read under RLS
        jdbc.sql("select c.id, c.first_name, c.last_name, c.email, c.company, c.phone from contacts c "
                        + "where c.tenant_id = ? and c.deleted_at is null "
                        + "and c.id in (select contacts_search_ids(cast(? as text[]), cast(? as text), false, ?))")
                .params(tenant.tenantUuid(), patterns(query), query.digits(), limit)
                .query((rs, n) -> hit(rs))
                .list()
                .forEach(h -> hits.putIfAbsent(UUID.fromString(h.id()), h));
        return hits.values().stream().limit(limit).toList();
    }

    /** The words' LIKE patterns as a SQL array for {@code contacts_search_ids}. */
    static String[] patterns(SearchQuery query) {
        return query.containsPatterns().toArray(String[]::new);
    }

    private static SearchHit hit(ResultSet rs) throws SQLException {
        String name = ContactNames.fullName(rs.getString("first_name"), rs.getString("last_name"));
        String email = rs.getString("email");
        StringJoiner detail = new StringJoiner(" · ");
        if (name != null && email != null) {
            detail.add(email);
        }
        if (rs.getString("company") != null) {
            detail.add(rs.getString("company"));
        }
        if (rs.getString("phone") != null) {
            detail.add(rs.getString("phone"));
        }
        String id = rs.getString("id");
        return new SearchHit(
                "contact",
                id,
                name != null ? name : email != null ? email : rs.getString("phone"),
                detail.length() == 0 ? null : detail.toString(),
                "/contacts/" + id);
    }
}
