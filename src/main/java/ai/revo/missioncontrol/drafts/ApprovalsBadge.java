package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.NavigationBadge;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Approvals entry's badge: how many drafts wait for a decision in the workspace. */
@Service
class ApprovalsBadge implements NavigationBadge {

    private final JdbcClient jdbc;

    ApprovalsBadge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String path() {
        return "/approvals";
    }

    @Override
    @Transactional(readOnly = true)
    public long count(TenantScoped tenant, UUID userId) {
        return jdbc.sql("select count(*) from drafts where tenant_id = ? and status = 'NEEDS_APPROVAL'")
                .param(tenant.tenantUuid())
                .query(Long.class)
                .single();
    }

    @Override
    public String meaning() {
        return "drafts awaiting approval";
    }
}
