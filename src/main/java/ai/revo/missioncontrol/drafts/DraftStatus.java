package ai.revo.missioncontrol.drafts;

/** DRAFT (being written), NEEDS_APPROVAL (in the inbox), APPROVED or REJECTED. */
public enum DraftStatus {
    DRAFT,
    NEEDS_APPROVAL,
    APPROVED,
    REJECTED
}
