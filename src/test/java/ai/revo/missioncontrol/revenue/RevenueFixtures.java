package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Leads, deals and stages made through the API, as a client would. */
final class RevenueFixtures {

    private RevenueFixtures() {}

    static String campaign(Api api, String token) {
        return api.post("/api/v1/campaigns", token, Map.of("name", "Revenue " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    static JsonNode lead(Api api, String token, String company, String value, String currency) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaign(api, token));
        body.put("contact", Map.of("email", Api.uniqueEmail("buyer"), "firstName", "Ada", "company", company));
        body.put("potentialValue", new java.math.BigDecimal(value));
        body.put("currency", currency);
        return api.post("/api/v1/leads", token, body).expect(201).json();
    }

    static String stage(Api api, String token, String name) {
        for (JsonNode s : api.get("/api/v1/settings/pipeline-stages", token)
                .expect(200)
                .json()
                .path("data")) {
            if (s.path("name").asText().equals(name)) {
                return s.path("id").asText();
            }
        }
        throw new AssertionError("no stage " + name);
    }

    static JsonNode deal(Api api, String token, String amount, String currency) {
        JsonNode lead = lead(api, token, "Acme " + UUID.randomUUID(), amount, currency);
        return api.post("/api/v1/deals", token, Map.of("leadId", lead.path("id").asText()))
                .expect(201)
                .json();
    }
}
