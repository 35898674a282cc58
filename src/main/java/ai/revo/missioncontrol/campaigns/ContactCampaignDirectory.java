package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.contacts.CampaignDirectory;
import ai.revo.missioncontrol.identity.TenantId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Campaign names for the contact pages (the contacts module declares what it needs; we answer). */
@Component
class ContactCampaignDirectory implements CampaignDirectory {

    private final JdbcClient jdbc;

    ContactCampaignDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, String> names(TenantId tenant, Collection<UUID> campaignIds) {
        Map<UUID, String> names = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from campaigns where tenant_id = :tenant and id in (:ids)")
                .param("tenant", tenant.value())
                .param("ids", List.copyOf(campaignIds))
                .query((rs, n) -> names.put(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        return names;
    }

    @Override
    public List<Option> enrollable(TenantId tenant) {
        return jdbc.sql(
                        "select id, name from campaigns where tenant_id = ? and status not in ('COMPLETED', 'ARCHIVED') "
                                + "order by lower(name) limit 500")
                .params(tenant.value())
                .query((rs, n) -> new Option(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }
}
