package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.EntityNames;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A run is named for its agent, for the feed and the audit log. */
@Component
class AgentRunEntityNames implements EntityNames {

    private final JdbcClient jdbc;

    AgentRunEntityNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "agent_run";
    }

    @Override
    public Map<String, String> names(TenantScoped tenant, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<UUID> keys = EntityNames.uuids(ids);
        if (keys.isEmpty()) {
            return names;
        }
        jdbc.sql(
                        "select r.id, a.name from agent_runs r join agents a on a.tenant_id = r.tenant_id and a.key = r.agent_key where r.tenant_id = :tenant and r.id in (:ids)")
                .param("tenant", tenant.tenantUuid())
                .param("ids", keys)
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }
}
