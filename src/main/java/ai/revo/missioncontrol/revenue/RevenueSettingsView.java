package ai.revo.missioncontrol.revenue;

import java.math.BigDecimal;

/**
 * The workspace's revenue settings: the largest discount of ours without an admin's exception (0 to 20 %, default
 * 20), and the seller's address and tax id printed on invoices.
 */
public record RevenueSettingsView(BigDecimal maxDiscountPercent, String sellerAddress, String sellerTaxId) {}
