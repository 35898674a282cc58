package ai.revo.missioncontrol.drafts;

/** The five decisions an admin can take on a draft waiting for approval. */
public enum Decision {
    APPROVE("approval.approved"),
    REJECT("approval.rejected"),
    REQUEST_CHANGES("approval.changes_requested"),
    EDIT_INLINE_APPROVE("approval.edited_and_approved"),
    APPROVE_WITH_NOTES("approval.approved_with_notes");

    private final String eventType;

    Decision(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }

    public boolean approves() {
        return this == APPROVE || this == EDIT_INLINE_APPROVE || this == APPROVE_WITH_NOTES;
    }
}
