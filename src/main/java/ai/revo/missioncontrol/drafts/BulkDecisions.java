package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Approving or rejecting many waiting drafts with one confirmation. Each draft is still its own decision: decided
 * through {@link DraftManagement#decide} in its own transaction, recorded in its history with the approved
 * content's fingerprint, audited and published like a single one. Deliberately not one transaction: a draft that
 * another admin decided meanwhile must not undo the others.
 */
@Service
public class BulkDecisions {

    public static final int MAX_DRAFTS = 200;

    private final DraftManagement drafts;
    private final ApprovalInbox inbox;

    BulkDecisions(DraftManagement drafts, ApprovalInbox inbox) {
        this.drafts = drafts;
        this.inbox = inbox;
    }

    /**
     * Approves or rejects every draft in {@code ids} (a reason is required to reject). 400 for any other decision,
     * an empty list or more than {@value #MAX_DRAFTS}; 404 naming them when any id is not a draft of this
     * workspace, and then nothing is decided. {@code etags}, when given for a draft, must match its current
     * version (else that draft is left as it was, CONFLICT).
     */
    public BulkOutcome decide(
            TenantId tenant, Decision decision, List<UUID> ids, String reason, Map<UUID, Long> etags, Actor admin) {
        if (decision != Decision.APPROVE && decision != Decision.REJECT) {
            throw ApiException.invalidField("decision", "must be APPROVE or REJECT");
        }
        if (ids == null || ids.isEmpty()) {
            throw ApiException.invalidField("draftIds", "name at least one draft");
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.invalidField("draftIds", "must not contain null");
        }
        Set<UUID> unique = new LinkedHashSet<>(ids);
        if (unique.size() > MAX_DRAFTS) {
            throw ApiException.invalidField("draftIds", "at most " + MAX_DRAFTS + " drafts at once");
        }
        String text = reason == null || reason.isBlank() ? null : reason.trim();
        if (decision == Decision.REJECT && text == null) {
            throw ApiException.invalidField("reason", "is required to reject");
        }
        if (text != null && text.length() > 5000) {
            throw ApiException.invalidField("reason", "must be at most 5000 characters");
        }
        // outside a transaction on purpose (each decision opens its own), so the look-up is the inbox's own
        Set<UUID> known = inbox.existing(tenant, unique);
        List<String> unknown = unique.stream()
                .filter(id -> !known.contains(id))
                .map(UUID::toString)
                .toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(
                    ErrorCode.NOT_FOUND,
                    unknown.size() == 1 ? "Draft not found" : unknown.size() + " drafts not found",
                    Map.of("draftIds", unknown));
        }
        List<BulkOutcome.Result> results = new ArrayList<>();
        int decided = 0;
        for (UUID id : unique) {
            Long etag = etags == null ? null : etags.get(id);
            try {
                DraftView view = drafts.decide(tenant, id, decision, text, null, etag, admin);
                results.add(new BulkOutcome.Result(id, "DECIDED", view.status(), view.subject(), null));
                decided++;
            } catch (ApiException e) {
                results.add(leftAsItWas(tenant, id, e.code().name(), e.getMessage()));
            } catch (RuntimeException e) {
                if (!(e instanceof org.springframework.dao.OptimisticLockingFailureException)
                        && !(e.getCause() instanceof org.springframework.dao.OptimisticLockingFailureException)) {
                    throw e;
                }
                results.add(leftAsItWas(tenant, id, ErrorCode.CONFLICT.name(), "Another admin decided it first"));
            }
        }
        return new BulkOutcome(decision, decided, unique.size() - decided, results);
    }

    private BulkOutcome.Result leftAsItWas(TenantId tenant, UUID id, String code, String message) {
        DraftView now = drafts.get(tenant, id);
        return new BulkOutcome.Result(id, code, now.status(), now.subject(), message);
    }
}
