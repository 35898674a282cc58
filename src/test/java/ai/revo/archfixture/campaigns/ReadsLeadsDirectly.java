package ai.revo.archfixture.campaigns;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Violation: campaigns code reading the contacts module's leads table. */
class ReadsLeadsDirectly {
    private final JdbcClient jdbc;

    ReadsLeadsDirectly(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> leads(UUID tenant, UUID campaign) {
        return jdbc.sql("select id from leads where tenant_id = ? and campaign_id = ?")
                .params(tenant, campaign)
                .query(UUID.class)
                .list();
    }

    /** Reading its own table is fine. */
    List<String> names(UUID tenant) {
        return jdbc.sql("select name from campaigns where tenant_id = ?")
                .params(tenant)
                .query(String.class)
                .list();
    }
}
