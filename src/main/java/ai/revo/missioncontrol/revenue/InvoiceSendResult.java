package ai.revo.missioncontrol.revenue;

/**
 * What sending an invoice did: the invoice as it is now (SENT when the email left, unchanged otherwise) and the
 * message with the gateway's outcome (SIMULATED in dry run, BLOCKED_* with the reason, SENT, FAILED).
 */
public record InvoiceSendResult(InvoiceView invoice, RevenueMessageView message) {}
