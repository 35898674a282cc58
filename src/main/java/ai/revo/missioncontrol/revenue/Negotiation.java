package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deal's negotiation: each offer and counter-offer, measured against the deal's list amount and held to the
 * workspace's discount cap (at most 20 %), above which only an admin's exception with a reason lets an offer of ours
 * through.
 */
@Service
public class Negotiation {

    private final DealSteps deals;
    private final OfferRepository offers;
    private final RevenueSettings settings;
    private final Clock clock;

    Negotiation(DealSteps deals, OfferRepository offers, RevenueSettings settings, Clock clock) {
        this.deals = deals;
        this.offers = offers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records an offer; 404 for an unknown deal, 400 for a bad field, 422 for our discount above the cap without an
     * exception, 403 for an exception asked by someone who is not an admin.
     */
    @Transactional
    public OfferView record(TenantId tenant, UUID dealId, OfferDraft draft, Actor actor, boolean byAdmin) {
        if (draft == null) {
            throw ApiException.invalidField("body", "is required");
        }
        Deal deal = deals.load(tenant, dealId);
        Offer offer = Offer.make(
                tenant,
                dealId,
                deal.listAmount(),
                deal.currency(),
                settings.get(tenant).maxDiscountPercent(),
                draft,
                actor,
                byAdmin,
                clock.instant());
        return offers.save(offer).view();
    }

    /** The deal's offers, oldest first; 404 for an unknown deal. */
    @Transactional(readOnly = true)
    public List<OfferView> history(TenantId tenant, UUID dealId) {
        deals.load(tenant, dealId);
        return offers.findByTenantIdAndDealId(tenant, dealId).stream()
                .map(Offer::view)
                .toList();
    }
}
