package ai.revo.missioncontrol.whatsapp.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.whatsapp.WhatsAppOrderView;
import ai.revo.missioncontrol.whatsapp.WhatsAppOrders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The orders people placed from the catalogue in a WhatsApp conversation. */
@RestController
@Tag(name = "WhatsApp")
class WhatsAppOrderController {

    private final WhatsAppOrders orders;

    WhatsAppOrderController(WhatsAppOrders orders) {
        this.orders = orders;
    }

    @GetMapping("/api/v1/conversations/{id}/orders")
    @Operation(
            summary = "The conversation's orders, newest first: {data: [{id, conversationId, leadId,"
                    + " providerMessageId, catalogId, items: [{retailerId, quantity, price, currency}], total,"
                    + " currency, note, createdAt}]}")
    Map<String, List<WhatsAppOrderView>> orders(CurrentUser user, @PathVariable UUID id) {
        return Map.of("data", orders.ofConversation(user.tenantId(), id));
    }
}
