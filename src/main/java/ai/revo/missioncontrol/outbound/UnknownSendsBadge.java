package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.platform.NavigationBadge;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An alert on the Outbound entry: messages whose outcome is UNKNOWN (the provider call started, no answer was ever
 * recorded) and that nobody has decided about yet. Each waits for a person to mark it sent or send it again; nothing
 * else resolves it.
 */
@Service
class UnknownSendsBadge implements NavigationBadge {

    private final JdbcClient jdbc;

    UnknownSendsBadge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String path() {
        return "/outbound";
    }

    @Override
    @Transactional(readOnly = true)
    public long count(TenantScoped tenant, UUID userId) {
        // outbound_messages_unknown_idx (V0080) holds exactly the UNKNOWN rows
        return jdbc.sql("select count(*) from outbound_messages where tenant_id = ? and status = 'UNKNOWN' "
                        + "and resolution is null")
                .param(tenant.tenantUuid())
                .query(Long.class)
                .single();
    }

    @Override
    public String meaning() {
        return "sends with an unknown outcome, waiting for your decision";
    }
}
