package ai.revo.missioncontrol.revenue;

/**
 * Where the sales agent's proposal of a deal is: waiting in the approval inbox; approved with the deal opened;
 * approved but waiting for a person to give the amount (none was known); rejected; changes requested (closed, no
 * deal); or approved but not opened because the lead got a deal meanwhile.
 */
public enum DealProposalStatus {
    WAITING,
    APPROVED,
    AWAITING_AMOUNT,
    REJECTED,
    CHANGES_REQUESTED,
    NOT_OPENED
}
