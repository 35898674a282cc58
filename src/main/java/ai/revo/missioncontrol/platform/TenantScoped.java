package ai.revo.missioncontrol.platform;

import java.util.UUID;

/**
 * A value that names a workspace (the identity module's {@code TenantId}). A public method of a {@code @Service}
 * that takes one runs in that workspace: its transactions see that workspace's rows and nothing else.
 */
public interface TenantScoped {

    UUID tenantUuid();
}
