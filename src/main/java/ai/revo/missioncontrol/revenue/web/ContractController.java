package ai.revo.missioncontrol.revenue.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.revenue.ContractDraft;
import ai.revo.missioncontrol.revenue.ContractSendResult;
import ai.revo.missioncontrol.revenue.ContractView;
import ai.revo.missioncontrol.revenue.Contracts;
import ai.revo.missioncontrol.revenue.RevenueMessageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Contracts of a deal: read by every role, managed by ADMIN and CLOSER. */
@RestController
@Tag(name = "Contracts")
class ContractController {

    private final Contracts contracts;

    ContractController(Contracts contracts) {
        this.contracts = contracts;
    }

    record SignBody(String signedBy, Instant signedAt, Boolean moveDealToWon) {}

    record DeclineBody(String reason) {}

    @GetMapping("/api/v1/deals/{id}/contracts")
    @Operation(summary = "The deal's contracts, oldest first")
    List<ContractView> ofDeal(CurrentUser user, @PathVariable UUID id) {
        return contracts.ofDeal(user.tenantId(), id);
    }

    @PostMapping("/api/v1/deals/{id}/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(DealController.CLOSERS)
    @Operation(
            summary = "Draft a contract for the deal {title, template, terms, expiresOn}",
            description = "The template's merge fields in double braces: deal.name, deal.amount, deal.listAmount, "
                    + "deal.currency, deal.expectedCloseDate, contact.name, contact.firstName, contact.lastName, "
                    + "contact.email, company.name, workspace.name, workspace.address, workspace.taxId, terms, date. "
                    + "An unknown field is a 400. Without a template, the default one.")
    ContractView create(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) ContractDraft body) {
        return contracts.create(user.tenantId(), id, body, user.actor());
    }

    @GetMapping("/api/v1/contracts/{id}")
    @Operation(summary = "One contract with its versions")
    ContractView get(CurrentUser user, @PathVariable UUID id) {
        return contracts.get(user.tenantId(), id);
    }

    @PatchMapping("/api/v1/contracts/{id}")
    @PreAuthorize(DealController.CLOSERS)
    @Operation(summary = "Change a DRAFT contract (a new version when its text changes); 409 once in review")
    ContractView change(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) ContractDraft body) {
        return contracts.change(user.tenantId(), id, body, user.actor());
    }

    @PostMapping("/api/v1/contracts/{id}/submit")
    @PreAuthorize(DealController.CLOSERS)
    @Operation(summary = "Put the DRAFT into the approval inbox (IN_REVIEW); its decision makes it APPROVED or DRAFT")
    ContractView submit(CurrentUser user, @PathVariable UUID id) {
        return contracts.submit(user.tenantId(), id, user.actor());
    }

    @PostMapping("/api/v1/contracts/{id}/send")
    @PreAuthorize(DealController.CLOSERS)
    @Operation(
            summary = "Email the APPROVED contract's PDF to the deal's contact; answers {contract, message}",
            description = "Through the outbound gateway: dry run SIMULATED (stays APPROVED), BLOCKED_* with the "
                    + "reason, SENT moves it to SENT.")
    ContractSendResult send(CurrentUser user, @PathVariable UUID id) {
        return contracts.send(user.tenantId(), id, user.actor());
    }

    @PostMapping(value = "/api/v1/contracts/{id}/sign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(DealController.CLOSERS)
    @Operation(summary = "Mark the SENT contract signed {signedBy, signedAt, moveDealToWon}")
    ContractView sign(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) SignBody body) {
        SignBody b = body == null ? new SignBody(null, null, null) : body;
        return contracts.sign(
                user.tenantId(),
                id,
                b.signedBy(),
                b.signedAt(),
                null,
                null,
                Boolean.TRUE.equals(b.moveDealToWon()),
                user.actor());
    }

    @PostMapping(value = "/api/v1/contracts/{id}/sign", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(DealController.CLOSERS)
    @Operation(
            summary = "Mark the SENT contract signed with its signed copy: multipart signedBy, signedAt, "
                    + "moveDealToWon and the file signedCopy (a PDF, at most 10 MB)")
    ContractView signWithCopy(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String signedBy,
            @RequestParam(required = false) Instant signedAt,
            @RequestParam(required = false) Boolean moveDealToWon,
            @RequestPart(required = false) MultipartFile signedCopy)
            throws IOException {
        if (signedCopy != null && signedCopy.getSize() > Contracts.MAX_SIGNED_COPY_BYTES) {
            throw ApiException.invalidField("signedCopy", "must be at most 10 MB");
        }
        return contracts.sign(
                user.tenantId(),
                id,
                signedBy,
                signedAt,
                signedCopy == null ? null : signedCopy.getOriginalFilename(),
                signedCopy == null || signedCopy.isEmpty() ? null : signedCopy.getBytes(),
                Boolean.TRUE.equals(moveDealToWon),
                user.actor());
    }

    @PostMapping("/api/v1/contracts/{id}/decline")
    @PreAuthorize(DealController.CLOSERS)
    @Operation(summary = "The customer declined the SENT contract {reason}")
    ContractView decline(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) DeclineBody body) {
        return contracts.decline(user.tenantId(), id, body == null ? null : body.reason(), user.actor());
    }

    @GetMapping("/api/v1/contracts/{id}/pdf")
    @Operation(summary = "The contract's current version as PDF")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"contract-" + id + ".pdf\"")
                .body(contracts.pdf(user.tenantId(), id));
    }

    @GetMapping("/api/v1/contracts/{id}/signed-copy")
    @Operation(summary = "The uploaded signed copy (404 when none was uploaded)")
    ResponseEntity<byte[]> signedCopy(CurrentUser user, @PathVariable UUID id) {
        Map.Entry<String, byte[]> copy = contracts
                .signedCopy(user.tenantId(), id)
                .orElseThrow(() -> ApiException.notFound("Signed copy of contract", id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"signed-" + id + ".pdf\"")
                .body(copy.getValue());
    }

    @GetMapping("/api/v1/contracts/{id}/messages")
    @Operation(summary = "The emails sent with the contract, with the gateway's outcome")
    List<RevenueMessageView> messages(CurrentUser user, @PathVariable UUID id) {
        return contracts.messages(user.tenantId(), id);
    }
}
