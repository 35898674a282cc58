package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.EntityNames;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Agents' names by key (e.g. lead_research → Lead researcher) and by id, for the feed and the audit log. */
@Component
class AgentEntityNames implements EntityNames {

    private final JdbcClient jdbc;

    AgentEntityNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "agent";
    }

    @Override
    public Map<String, String> names(TenantScoped tenant, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select key, id::text, name from agents where tenant_id = :tenant "
                        + "and (key in (:ids) or id::text in (:ids))")
                .param("tenant", tenant.tenantUuid())
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> {
                    names.put(rs.getString(1), rs.getString(3));
                    return names.put(rs.getString(2), rs.getString(3));
                })
                .list();
        names.keySet().retainAll(ids);
        return names;
    }
}
