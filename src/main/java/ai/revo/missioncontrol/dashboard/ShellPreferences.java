package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's choices about the dashboard shell (the sidebar collapsed to icons or not), kept per user so they follow
 * them from browser to browser. A layout preference, not business state: it publishes no event.
 */
@Service
public class ShellPreferences {

    /** What a user chose; the defaults until they change something. */
    public record Preferences(boolean sidebarCollapsed) {
        static final Preferences DEFAULTS = new Preferences(false);
    }

    private final JdbcClient jdbc;

    ShellPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's preferences, or the defaults when they never changed any. */
    @Transactional(readOnly = true)
    public Preferences get(TenantId tenant, UserId user) {
        return jdbc.sql("select sidebar_collapsed from dashboard_preferences where tenant_id = ? and user_id = ?")
                .params(tenant.value(), user.value())
                .query((rs, n) -> new Preferences(rs.getBoolean(1)))
                .optional()
                .orElse(Preferences.DEFAULTS);
    }

    @Transactional
    public Preferences setSidebarCollapsed(TenantId tenant, UserId user, boolean collapsed) {
        jdbc.sql("""
                insert into dashboard_preferences (tenant_id, user_id, sidebar_collapsed) values (?, ?, ?)
                on conflict (tenant_id, user_id)
                do update set sidebar_collapsed = excluded.sidebar_collapsed, updated_at = now()
                """).params(tenant.value(), user.value(), collapsed).update();
        return new Preferences(collapsed);
    }
}
