package ai.revo.missioncontrol.revenue;

/** Where an invoice stands: DRAFT → ISSUED → SENT → PARTIALLY_PAID → PAID, OVERDUE past due unpaid, VOID by credit note. */
public enum InvoiceStatus {
    DRAFT,
    ISSUED,
    SENT,
    PARTIALLY_PAID,
    PAID,
    OVERDUE,
    VOID;

    boolean payable() {
        return this == ISSUED || this == SENT || this == PARTIALLY_PAID || this == OVERDUE;
    }
}
