package ai.revo.missioncontrol.conversations;

/**
 * Who handles a conversation, as the WhatsApp inbox filters it: ALL; MINE (taken over by the user who asks);
 * UNASSIGNED (nobody took it over; not closed); AI (the AI answers it: not taken over, not closed); NEEDS_HUMAN (the
 * person waits for an answer and the AI's last reply did not go out: not written, failed, rejected or waiting for
 * approval).
 */
public enum ConversationFilter {
    ALL,
    MINE,
    UNASSIGNED,
    AI,
    NEEDS_HUMAN;

    String clause() {
        return switch (this) {
            case ALL -> "";
            case MINE -> " and c.assignee_id = :user";
            case UNASSIGNED -> " and c.assignee_id is null and c.status <> 'CLOSED'";
            case AI -> " and c.status not in ('HUMAN', 'CLOSED')";
            case NEEDS_HUMAN ->
                " and c.status = 'TO_ANSWER' and (select a.status from conversation_ai_replies a"
                        + " where a.tenant_id = c.tenant_id and a.conversation_id = c.id order by a.created_at desc"
                        + " limit 1) in ('NOT_WRITTEN', 'FAILED', 'REJECTED', 'AWAITING_APPROVAL')";
        };
    }
}
