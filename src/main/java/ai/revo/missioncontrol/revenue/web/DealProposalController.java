package ai.revo.missioncontrol.revenue.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.revenue.DealProposalStatus;
import ai.revo.missioncontrol.revenue.DealProposalView;
import ai.revo.missioncontrol.revenue.DealProposals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deal-proposals")
@Tag(name = "Deal proposals")
class DealProposalController {

    private final DealProposals proposals;

    DealProposalController(DealProposals proposals) {
        this.proposals = proposals;
    }

    record Amount(BigDecimal amount, String currency) {}

    @GetMapping
    @Operation(
            summary = "The sales agent's deal proposals, newest first; filter status (WAITING, APPROVED, "
                    + "AWAITING_AMOUNT, REJECTED, CHANGES_REQUESTED, NOT_OPENED). They are decided in the approval "
                    + "inbox (their draft: reviewDraftId)")
    PageResult<DealProposalView> list(
            CurrentUser user,
            @RequestParam(required = false) DealProposalStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return proposals.list(user.tenantId(), status, new PageQuery(page, limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One deal proposal")
    DealProposalView get(CurrentUser user, @PathVariable UUID id) {
        return proposals.get(user.tenantId(), id);
    }

    @PostMapping("/{id}/open")
    @PreAuthorize(DealController.CLOSERS)
    @Operation(
            summary = "Open the deal of an approved proposal that had no amount, with the amount a person gives "
                    + "{amount, currency}; 409 unless it is AWAITING_AMOUNT. Roles: ADMIN, CLOSER")
    DealProposalView open(CurrentUser user, @PathVariable UUID id, @RequestBody Amount body) {
        return proposals.open(
                user.tenantId(),
                id,
                body == null ? null : body.amount(),
                body == null ? null : body.currency(),
                user.actor());
    }
}
