package ai.revo.missioncontrol.identity;

/**
 * Whom a workspace's messages may reach. SANDBOXED: on every channel only the addresses of the workspace's own
 * users (a self-registered workspace starts so); APPROVED: anyone, within its limits.
 */
public enum OutboundAccess {
    SANDBOXED,
    APPROVED
}
