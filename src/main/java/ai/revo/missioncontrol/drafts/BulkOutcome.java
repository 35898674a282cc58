package ai.revo.missioncontrol.drafts;

import java.util.List;
import java.util.UUID;

/**
 * What a bulk decision did: one result per draft, in the order asked. Each draft was its own decision in its own
 * transaction, so one that failed (decided by someone else meanwhile, changed since it was loaded) left the others
 * decided.
 *
 * @param decided how many drafts were decided
 * @param failed how many were left as they were
 */
public record BulkOutcome(Decision decision, int decided, int failed, List<Result> results) {

    /**
     * @param outcome DECIDED, or the error code why it was left as it was (CONFLICT, NOT_FOUND, ...)
     * @param status the draft's status after the call (null when it does not exist)
     * @param message why it was left as it was (null when decided)
     */
    public record Result(UUID draftId, String outcome, DraftStatus status, String subject, String message) {}
}
