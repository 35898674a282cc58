package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.platform.SearchHit;
import ai.revo.missioncontrol.platform.SearchQuery;
import ai.revo.missioncontrol.platform.SearchSource;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leads for the global search: the leads of the contacts that match, with their status and score. */
@Service
class LeadSearch implements SearchSource {

    private final JdbcClient jdbc;

    LeadSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String label() {
        return "Leads";
    }

    @Override
    @Transactional(readOnly = true)
    public List<SearchHit> search(TenantScoped tenant, SearchQuery query, int limit) {
        // contacts_search_ids (V0087) finds the matching contacts with leads through the trigram index
        return jdbc.sql("select l.id, l.contact_id, l.status, coalesce(l.score_override, l.score) as score, "
                        + "c.first_name, c.last_name, c.email, c.phone from contacts c "
                        + "join leads l on l.tenant_id = c.tenant_id and l.contact_id = c.id "
                        + "where c.tenant_id = ? and c.deleted_at is null "
                        + "and c.id in (select contacts_search_ids(cast(? as text[]), cast(? as text), true, ?)) "
                        + "limit ?")
                .params(tenant.tenantUuid(), ContactSearch.patterns(query), query.digits(), limit, limit)
                .query((rs, n) -> {
                    String name = ContactNames.fullName(rs.getString("first_name"), rs.getString("last_name"));
                    String who = name != null
                            ? name
                            : rs.getString("email") != null ? rs.getString("email") : rs.getString("phone");
                    String score = rs.getString("score");
                    return new SearchHit(
                            "lead",
                            rs.getString("id"),
                            who,
                            rs.getString("status") + (score == null ? "" : " · score " + score),
                            "/contacts/" + rs.getString("contact_id"));
                })
                .list();
    }
}
