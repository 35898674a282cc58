package ai.revo.missioncontrol.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductApiTest extends IntegrationTest {

    private static Map<String, Object> product(String name, String description, String amount, String sku) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("price", Map.of("amount", new java.math.BigDecimal(amount), "currency", "eur"));
        body.put("sku", sku);
        return body;
    }

    private List<String> found(String token, String q) {
        List<String> names = new ArrayList<>();
        api().get(
                        "/api/v1/products/search?q="
                                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                        token)
                .expect(200)
                .json()
                .path("data")
                .forEach(m -> names.add(m.path("product").path("name").asText()));
        return names;
    }

    @Test
    void aCatalogueIsKeptAndFoundByMeaningAndItsVectorFollowsEveryChange() {
        String t = api().signup().accessToken();
        JsonNode ring = api().post(
                        "/api/v1/products",
                        t,
                        product(
                                "Solitaire engagement ring",
                                "Platinum band with a one carat diamond",
                                "2400.00",
                                "R-100"))
                .expect(201)
                .json();
        assertThat(ring.path("price").path("amount").decimalValue()).isEqualByComparingTo("2400");
        assertThat(ring.path("price").path("currency").asText()).isEqualTo("EUR");
        assertThat(ring.path("availability").asText()).isEqualTo("IN_STOCK");
        api().post(
                        "/api/v1/products",
                        t,
                        product("Pearl earrings", "Freshwater pearls on silver studs", "89.50", "E-7"))
                .expect(201);
        String watch = api().post(
                        "/api/v1/products",
                        t,
                        product("Steel diver watch", "Water resistant to 200 metres, automatic movement", "650", "W-3"))
                .expect(201)
                .json()
                .path("id")
                .asText();

        assertThat(found(t, "something to propose marriage")).first().isEqualTo("Solitaire engagement ring");
        assertThat(found(t, "a gift for her ears")).first().isEqualTo("Pearl earrings");
        assertThat(found(t, "timepiece for scuba diving")).first().isEqualTo("Steel diver watch");
        assertThat(found(t, "quantum chromodynamics lecture notes")).isEmpty(); // below the threshold

        // the vector follows the fields
        api().patch(
                        "/api/v1/products/" + watch,
                        t,
                        Map.of("name", "Gold charm bracelet", "description", "Yellow gold chain with heart charms"))
                .expect(200);
        assertThat(found(t, "bracelet with little hearts")).first().isEqualTo("Gold charm bracelet");
        assertThat(found(t, "timepiece for scuba diving")).doesNotContain("Steel diver watch");

        assertThat(api().get("/api/v1/products?q=pearl", t)
                        .expect(200)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        api().delete("/api/v1/products/" + watch, t).expect(204);
        api().get("/api/v1/products/" + watch, t).expectError(404, "NOT_FOUND");
        assertThat(found(t, "bracelet with little hearts")).doesNotContain("Gold charm bracelet");
    }

    @Test
    void refusesInvalidProductsNamingTheField() {
        String t = api().signup().accessToken();
        api().post("/api/v1/products", t, Map.of("description", "no name")).expectError(400, "VALIDATION_ERROR");
        api().post("/api/v1/products", t, Map.of("name", "X", "price", Map.of("amount", -1, "currency", "EUR")))
                .expectError(400, "VALIDATION_ERROR");
        api().post("/api/v1/products", t, Map.of("name", "X", "price", Map.of("amount", 10)))
                .expectError(400, "VALIDATION_ERROR");
        api().post("/api/v1/products", t, Map.of("name", "X", "price", Map.of("amount", 10, "currency", "euro")))
                .expectError(400, "VALIDATION_ERROR");
        api().post("/api/v1/products", t, Map.of("name", "X", "availability", "SOMETIMES"))
                .expectError(400, "VALIDATION_ERROR");
        api().post("/api/v1/products", t, Map.of("name", "A", "sku", "DUP")).expect(201);
        api().post("/api/v1/products", t, Map.of("name", "B", "sku", "DUP")).expectError(409, "CONFLICT");
        api().get("/api/v1/products/search?q=", t).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void anotherWorkspaceNeitherSeesNorFindsNorChangesAProduct() {
        Api.Session a = api().signup();
        Api.Session b = api().signup();
        String id = api().post("/api/v1/products", a.accessToken(), product("Ruby pendant", "Red ruby", "300", "P-1"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().get("/api/v1/products/" + id, b.accessToken()).expectError(404, "NOT_FOUND");
        api().patch("/api/v1/products/" + id, b.accessToken(), Map.of("name", "Hijacked"))
                .expectError(404, "NOT_FOUND");
        api().delete("/api/v1/products/" + id, b.accessToken()).expectError(404, "NOT_FOUND");
        assertThat(found(b.accessToken(), "ruby pendant")).isEmpty();
        assertThat(api().get("/api/v1/products/" + id, a.accessToken())
                        .expect(200)
                        .json()
                        .path("name")
                        .asText())
                .isEqualTo("Ruby pendant");
        api().get("/api/v1/products/" + UUID.randomUUID(), a.accessToken()).expectError(404, "NOT_FOUND");
    }
}
