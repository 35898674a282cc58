package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.EntityNames;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A draft is named by its subject (else the start of its text), for the feed and the audit log. */
@Component
class DraftEntityNames implements EntityNames {

    private final JdbcClient jdbc;

    DraftEntityNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "draft";
    }

    @Override
    public Map<String, String> names(TenantScoped tenant, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<UUID> keys = EntityNames.uuids(ids);
        if (keys.isEmpty()) {
            return names;
        }
        jdbc.sql(
                        "select id, coalesce(nullif(subject, ''), left(body_text, 60)) from drafts where tenant_id = :tenant and id in (:ids)")
                .param("tenant", tenant.tenantUuid())
                .param("ids", keys)
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }
}
