package ai.revo.missioncontrol.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NegotiationApiTest extends IntegrationTest {

    private static Map<String, Object> offer(String who, Object amount, Object discount) {
        Map<String, Object> m = new HashMap<>();
        m.put("who", who);
        if (amount != null) {
            m.put("amount", amount);
        }
        if (discount != null) {
            m.put("discountPercent", discount);
        }
        m.put("channel", "EMAIL");
        m.put("terms", "12 months, paid quarterly");
        m.put("paymentTermsDays", 30);
        return m;
    }

    @Test
    void offersAndCounterOffersAreKeptWithTheirDiscountFromTheListAmount() {
        Api.Session admin = api().signup();
        Api.Session closer = api().addUser(admin, "CLOSER");
        String id = RevenueFixtures.deal(api(), admin.accessToken(), "10000", "EUR")
                .path("id")
                .asText();
        String c = closer.accessToken();
        JsonNode theirs = api().post(
                        "/api/v1/deals/" + id + "/negotiation", c, offer("THEM", new BigDecimal("7000"), null))
                .expect(201)
                .json();
        assertThat(theirs.path("discountPercent").decimalValue()).isEqualByComparingTo("30.00");
        JsonNode ours = api().post("/api/v1/deals/" + id + "/negotiation", c, offer("US", null, new BigDecimal("12.5")))
                .expect(201)
                .json();
        assertThat(ours.path("amount").decimalValue()).isEqualByComparingTo("8750.00");
        assertThat(ours.path("authorName").asText()).isEqualTo(closer.email());
        assertThat(ours.path("paymentTermsDays").asInt()).isEqualTo(30);
        Map<String, Object> agent = offer("US", new BigDecimal("8000"), null);
        agent.put("by", "AGENT");
        agent.put("agentName", "negotiation_agent");
        JsonNode byAgent = api().post("/api/v1/deals/" + id + "/negotiation", c, agent)
                .expect(201)
                .json();
        assertThat(byAgent.path("by").asText()).isEqualTo("AGENT");
        assertThat(byAgent.path("discountPercent").decimalValue()).isEqualByComparingTo("20.00");
        JsonNode all = api().get("/api/v1/deals/" + id + "/negotiation", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(all).hasSize(3);
        assertThat(all.get(0).path("who").asText()).isEqualTo("THEM");
        // a finance user reads but does not negotiate
        Api.Session finance = api().addUser(admin, "FINANCE");
        api().post("/api/v1/deals/" + id + "/negotiation", finance.accessToken(), offer("US", 9000, null))
                .expectError(403, "FORBIDDEN");
    }

    @Test
    void ourDiscountAboveTheCapIsRefusedUnlessAnAdminGivesAReason() {
        Api.Session admin = api().signup();
        Api.Session closer = api().addUser(admin, "CLOSER");
        String id = RevenueFixtures.deal(api(), admin.accessToken(), "1000", "EUR")
                .path("id")
                .asText();
        String path = "/api/v1/deals/" + id + "/negotiation";
        Api.Response refused = api().post(path, closer.accessToken(), offer("US", new BigDecimal("790"), null));
        refused.expectError(422, "UNPROCESSABLE");
        assertThat(refused.body()).contains("20.00").contains("21.00");
        Map<String, Object> withReason = offer("US", null, new BigDecimal("25"));
        withReason.put("exceptionReason", "Strategic logo");
        api().post(path, closer.accessToken(), withReason).expectError(403, "FORBIDDEN");
        assertThat(api().get(path, admin.accessToken()).json().path("data")).isEmpty();
        JsonNode allowed =
                api().post(path, admin.accessToken(), withReason).expect(201).json();
        assertThat(allowed.path("exceptionReason").asText()).isEqualTo("Strategic logo");
        assertThat(allowed.path("exceptionBy").asText()).isEqualTo(admin.email());
        // their ask may be anything
        api().post(path, closer.accessToken(), offer("THEM", new BigDecimal("500"), null))
                .expect(201);
        // a lower cap set by an admin applies at once; above 20 % it cannot be set
        api().patch("/api/v1/settings/revenue", admin.accessToken(), Map.of("maxDiscountPercent", 10))
                .expect(200);
        api().post(path, closer.accessToken(), offer("US", null, new BigDecimal("15")))
                .expectError(422, "UNPROCESSABLE");
        api().patch("/api/v1/settings/revenue", admin.accessToken(), Map.of("maxDiscountPercent", 25))
                .expectError(400, "VALIDATION_ERROR");
        api().patch("/api/v1/settings/revenue", closer.accessToken(), Map.of("maxDiscountPercent", 5))
                .expectError(403, "FORBIDDEN");
        assertThat(api().get("/api/v1/settings/revenue", closer.accessToken())
                        .json()
                        .path("maxDiscountPercent")
                        .decimalValue())
                .isEqualByComparingTo("10");
        assertThat(api().get(path, admin.accessToken()).json().path("data")).hasSize(2);
    }

    @Test
    void aBadOfferIsA400NamingTheField() {
        String t = api().signup().accessToken();
        String id = RevenueFixtures.deal(api(), t, "1000", "EUR").path("id").asText();
        String path = "/api/v1/deals/" + id + "/negotiation";
        assertThat(api().post(path, t, offer("SOMEONE", 900, null))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("who");
        assertThat(api().post(path, t, offer("US", null, null))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("amount");
        assertThat(api().post(path, t, offer("US", new BigDecimal("900.001"), null))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("amount");
        assertThat(api().post(path, t, offer("US", new BigDecimal("950"), new BigDecimal("10")))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("900.00");
        api().post("/api/v1/deals/" + java.util.UUID.randomUUID() + "/negotiation", t, offer("US", 900, null))
                .expectError(404, "NOT_FOUND");
        assertThat(api().get(path, t).json().path("data")).isEmpty();
    }
}
