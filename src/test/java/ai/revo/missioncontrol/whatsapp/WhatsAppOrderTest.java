package ai.revo.missioncontrol.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An order from the catalogue (Meta's order message): kept with its items, total and currency, the lead's potential
 * value set to the total, order.received published as COMMERCE, and a confirmation queued in the thread.
 */
class WhatsAppOrderTest extends WhatsAppIntegrationTest {

    @Test
    void anOrderIsKeptOnTheLeadWithItsTotalAndConfirmed() {
        Workspace w = connected();
        String waId = "1650581" + (System.nanoTime() % 9000 + 1000);
        String wamid = "wamid.order-" + UUID.randomUUID();
        deliverSigned(
                w,
                envelope(
                        w.phoneNumberId(),
                        "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"" + waId + "\"}],"
                                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                                + (System.currentTimeMillis() / 1000) + "\",\"type\":\"order\",\"order\":{"
                                + "\"catalog_id\":\"5512\",\"text\":\"Gift wrap please\",\"product_items\":["
                                + "{\"product_retailer_id\":\"RING-AU-18\",\"quantity\":\"2\",\"item_price\":\"499\","
                                + "\"currency\":\"USD\"},{\"product_retailer_id\":\"BOX-1\",\"quantity\":\"1\","
                                + "\"item_price\":\"12.50\",\"currency\":\"USD\"}]}}]"));
        String conversation = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get(
                                        "/api/v1/conversations?channel=WHATSAPP",
                                        w.admin().accessToken())
                                .expect(200)
                                .json()
                                .path("data")
                                .path(0)
                                .path("id")
                                .asText(""),
                        id -> !id.isEmpty());
        JsonNode orders = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get(
                                        "/api/v1/conversations/" + conversation + "/orders",
                                        w.admin().accessToken())
                                .expect(200)
                                .json()
                                .path("data"),
                        d -> d.size() == 1);
        JsonNode order = orders.get(0);
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("1010.50");
        assertThat(order.path("currency").asText()).isEqualTo("USD");
        assertThat(order.path("catalogId").asText()).isEqualTo("5512");
        assertThat(order.path("note").asText()).isEqualTo("Gift wrap please");
        assertThat(order.path("items")).hasSize(2);
        assertThat(order.path("items").get(0).path("retailerId").asText()).isEqualTo("RING-AU-18");
        assertThat(order.path("items").get(0).path("quantity").asInt()).isEqualTo(2);

        JsonNode lead = api().get(
                        "/api/v1/leads/" + order.path("leadId").asText(),
                        w.admin().accessToken())
                .expect(200)
                .json();
        assertThat(lead.path("potentialValue").decimalValue()).isEqualByComparingTo("1010.50");
        assertThat(lead.path("currency").asText()).isEqualTo("USD");
        assertThat(db().sql("select count(*) from events where tenant_id = cast(? as uuid) and type = 'order.received'"
                                + " and category = 'COMMERCE'")
                        .param(w.admin().tenantId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        JsonNode messages = api().get(
                        "/api/v1/conversations/" + conversation + "/messages",
                        w.admin().accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(messages.get(1).path("text").asText())
                .isEqualTo("Thank you for your order: 3 items, total 1010.50 USD. We will confirm it shortly.");
        // Meta delivering the same order again changes nothing
        api().get("/api/v1/conversations/" + conversation + "/orders", w.admin().accessToken())
                .expect(200);
        assertThat(db().sql("select count(*) from whatsapp_orders where provider_message_id = ?")
                        .param(wamid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
