package ai.revo.missioncontrol.revenue.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.revenue.Negotiation;
import ai.revo.missioncontrol.revenue.OfferDraft;
import ai.revo.missioncontrol.revenue.OfferView;
import ai.revo.missioncontrol.revenue.RevenueSettings;
import ai.revo.missioncontrol.revenue.RevenueSettingsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A deal's negotiation (read by all, recorded by ADMIN and CLOSER) and the revenue settings (ADMIN changes them). */
@RestController
@Tag(name = "Deals")
class NegotiationController {

    private final Negotiation negotiation;
    private final RevenueSettings settings;

    NegotiationController(Negotiation negotiation, RevenueSettings settings) {
        this.negotiation = negotiation;
        this.settings = settings;
    }

    record Offers(List<OfferView> data) {}

    record SettingsBody(BigDecimal maxDiscountPercent, String sellerAddress, String sellerTaxId) {}

    @GetMapping("/api/v1/deals/{id}/negotiation")
    @Operation(summary = "The deal's offers and counter-offers, oldest first")
    Offers list(CurrentUser user, @PathVariable UUID id) {
        return new Offers(negotiation.history(user.tenantId(), id));
    }

    @PostMapping("/api/v1/deals/{id}/negotiation")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(DealController.CLOSERS)
    @Operation(
            summary = "Record an offer {who: US|THEM, by: PERSON|AGENT, agentName, amount or discountPercent, terms, "
                    + "paymentTermsDays, channel, note}",
            description = "The discount is measured from the deal's list amount. Our discount above the workspace's "
                    + "maximum (GET /api/v1/settings/revenue, at most 20 %) is refused (422) unless an ADMIN records "
                    + "it with exceptionReason.")
    OfferView record(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) OfferDraft body) {
        return negotiation.record(user.tenantId(), id, body, user.actor(), user.isAdmin());
    }

    @GetMapping("/api/v1/settings/revenue")
    @Operation(summary = "The discount cap and the seller's invoice details")
    RevenueSettingsView settings(CurrentUser user) {
        return settings.get(user.tenantId());
    }

    @PatchMapping("/api/v1/settings/revenue")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change {maxDiscountPercent (0 to 20), sellerAddress, sellerTaxId}")
    RevenueSettingsView change(CurrentUser user, @RequestBody(required = false) SettingsBody body) {
        if (body == null) {
            throw ApiException.invalidField("body", "is required");
        }
        return settings.change(
                user.tenantId(), body.maxDiscountPercent(), body.sellerAddress(), body.sellerTaxId(), user.actor());
    }
}
