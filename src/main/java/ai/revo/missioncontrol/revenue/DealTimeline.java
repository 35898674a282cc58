package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A deal's timeline for its page, newest first: its stage moves, negotiation offers, invoices and the messages sent about them. The page's
 * template says what each entry means; here it is only gathered and ordered.
 */
@Service
public class DealTimeline {

    /** One entry; {@code kind} is STAGE ({@link StageChangeView}), OFFER, INVOICE or MESSAGE ({@link RevenueMessageView}), {@code item} its view. */
    public record Entry(Instant at, String kind, Object item) {}

    private final Deals deals;
    private final Negotiation negotiation;
    private final Invoices invoices;
    private final RevenueMessages messages;

    DealTimeline(Deals deals, Negotiation negotiation, Invoices invoices, RevenueMessages messages) {
        this.deals = deals;
        this.negotiation = negotiation;
        this.invoices = invoices;
        this.messages = messages;
    }

    public List<Entry> of(TenantId tenant, DealView deal) {
        List<Entry> out = new ArrayList<>();
        for (StageChangeView c : deals.history(tenant, deal.id())) {
            out.add(new Entry(c.changedAt(), "STAGE", c));
        }
        for (OfferView o : negotiation.history(tenant, deal.id())) {
            out.add(new Entry(o.createdAt(), "OFFER", o));
        }
        for (InvoiceView i : invoices.list(
                        tenant,
                        new InvoiceQuery(null, deal.id(), null),
                        new ai.revo.missioncontrol.platform.PageQuery(1, 200))
                .data()) {
            out.add(new Entry(i.issuedAt() != null ? i.issuedAt() : i.createdAt(), "INVOICE", i));
        }
        for (RevenueMessageView m : messages.ofDeal(tenant, deal.id())) {
            out.add(new Entry(m.createdAt(), "MESSAGE", m));
        }
        out.sort(Comparator.comparing(Entry::at).reversed());
        return out;
    }
}
