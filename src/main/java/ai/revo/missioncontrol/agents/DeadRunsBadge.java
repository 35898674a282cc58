package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.NavigationBadge;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An alert on the Runs entry: runs that gave up (DEAD, every attempt used) and have no verdict yet. A FAILED run
 * retries by itself, so it is not counted; a DEAD one waits for a person to retry it or record a verdict.
 */
@Service
class DeadRunsBadge implements NavigationBadge {

    private final JdbcClient jdbc;

    DeadRunsBadge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String path() {
        return "/runs";
    }

    @Override
    @Transactional(readOnly = true)
    public long count(TenantScoped tenant, UUID userId) {
        // agent_runs_tenant_status_idx (V0015)
        return jdbc.sql("select count(*) from agent_runs where tenant_id = ? and status = 'DEAD' "
                        + "and override_outcome is null")
                .param(tenant.tenantUuid())
                .query(Long.class)
                .single();
    }

    @Override
    public String meaning() {
        return "runs that gave up, waiting for a retry or your verdict";
    }
}
