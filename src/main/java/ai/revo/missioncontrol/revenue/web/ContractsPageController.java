package ai.revo.missioncontrol.revenue.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.revenue.ContractDraft;
import ai.revo.missioncontrol.revenue.Contracts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contract card on a deal's page: draft, submit for review, send, mark signed or declined. */
@Controller
class ContractsPageController {

    private final Contracts contracts;

    ContractsPageController(Contracts contracts) {
        this.contracts = contracts;
    }

    @PostMapping("/deals/{id}/contracts")
    @PreAuthorize(DealController.CLOSERS)
    String create(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String terms,
            @RequestParam(required = false) LocalDate expiresOn,
            RedirectAttributes flash) {
        return act(
                id,
                flash,
                () -> contracts
                        .create(
                                user.tenantId(),
                                id,
                                new ContractDraft(blank(title), null, blank(terms), expiresOn),
                                user.actor())
                        .dealId());
    }

    @PostMapping("/contracts/{id}/submit")
    @PreAuthorize(DealController.CLOSERS)
    String submit(CurrentUser user, @PathVariable UUID id, @RequestParam UUID dealId, RedirectAttributes flash) {
        return act(
                dealId,
                flash,
                () -> contracts.submit(user.tenantId(), id, user.actor()).dealId());
    }

    @PostMapping("/contracts/{id}/send")
    @PreAuthorize(DealController.CLOSERS)
    String send(CurrentUser user, @PathVariable UUID id, @RequestParam UUID dealId, RedirectAttributes flash) {
        return act(
                dealId,
                flash,
                () -> contracts
                        .send(user.tenantId(), id, user.actor())
                        .contract()
                        .dealId());
    }

    @PostMapping("/contracts/{id}/sign")
    @PreAuthorize(DealController.CLOSERS)
    String sign(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam UUID dealId,
            @RequestParam(required = false) String signedBy,
            @RequestParam(required = false) Boolean moveDealToWon,
            @RequestParam(required = false) MultipartFile signedCopy,
            RedirectAttributes flash) {
        return act(dealId, flash, () -> {
            byte[] copy;
            try {
                copy = signedCopy == null || signedCopy.isEmpty() ? null : signedCopy.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return contracts
                    .sign(
                            user.tenantId(),
                            id,
                            signedBy,
                            null,
                            signedCopy == null ? null : signedCopy.getOriginalFilename(),
                            copy,
                            Boolean.TRUE.equals(moveDealToWon),
                            user.actor())
                    .dealId();
        });
    }

    @PostMapping("/contracts/{id}/decline")
    @PreAuthorize(DealController.CLOSERS)
    String decline(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam UUID dealId,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        return act(
                dealId,
                flash,
                () -> contracts
                        .decline(user.tenantId(), id, reason, user.actor())
                        .dealId());
    }

    /** Runs the action; a refusal is shown on the deal's page with its reason, nothing changed. */
    private static String act(UUID dealId, RedirectAttributes flash, Supplier<UUID> action) {
        try {
            return "redirect:/deals/" + action.get() + "#contracts";
        } catch (ApiException refused) {
            flash.addFlashAttribute("contractError", refused.getMessage());
            return "redirect:/deals/" + dealId + "#contracts";
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
