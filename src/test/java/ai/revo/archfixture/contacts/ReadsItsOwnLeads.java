package ai.revo.archfixture.contacts;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Allowed: the contacts module reads its own leads table (built by concatenation, as real code often is). */
class ReadsItsOwnLeads {
    private final JdbcClient jdbc;

    ReadsItsOwnLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int count(UUID tenant, String status) {
        String where = status == null ? "" : " and status = '" + status.replace("'", "") + "'";
        return jdbc.sql("select count(*) from leads l join contacts c on c.id = l.contact_id where l.tenant_id = ?"
                        + where)
                .params(tenant)
                .query(Integer.class)
                .single();
    }
}
