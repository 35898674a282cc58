package ai.revo.missioncontrol.revenue;

import java.util.UUID;

/** Filters of the invoice list; null: any. */
public record InvoiceQuery(InvoiceStatus status, UUID dealId, String kind) {

    public static InvoiceQuery all() {
        return new InvoiceQuery(null, null, null);
    }
}
