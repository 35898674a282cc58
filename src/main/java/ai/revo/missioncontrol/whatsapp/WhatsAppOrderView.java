package ai.revo.missioncontrol.whatsapp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order a person placed in WhatsApp: its items as Meta sent them, the total and the currency. */
public record WhatsAppOrderView(
        UUID id,
        UUID conversationId,
        UUID leadId,
        String providerMessageId,
        String catalogId,
        List<Item> items,
        BigDecimal total,
        String currency,
        String note,
        Instant createdAt) {

    /** One line: the catalogue's retailer id, the quantity and the unit price. */
    public record Item(String retailerId, int quantity, BigDecimal price, String currency) {}
}
