package ai.revo.missioncontrol.revenue;

/** DRAFT → IN_REVIEW (in the approval inbox) → APPROVED → SENT → SIGNED, DECLINED or EXPIRED. */
public enum ContractStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    SENT,
    SIGNED,
    DECLINED,
    EXPIRED
}
