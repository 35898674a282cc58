package ai.revo.missioncontrol.identity;

/**
 * What a user may do. VIEWER is read-only everywhere; ADMIN alone manages users, safety switches, approvals and
 * score overrides.
 */
public enum Role {
    ADMIN,
    OPERATOR,
    CLOSER,
    FINANCE,
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
