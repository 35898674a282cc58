package ai.revo.missioncontrol.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatsAppSettingsTest extends WhatsAppIntegrationTest {

    @Test
    void connectsANumberKeepingItsSecretsSealedAndShowingOnlyTheirLastFour() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode empty = api.get("/api/v1/settings/whatsapp", admin.accessToken())
                .expect(200)
                .json();
        assertThat(empty.path("connected").asBoolean()).isFalse();
        assertThat(empty.path("webhookUrl").asText()).endsWith("/api/v1/webhooks/whatsapp");

        Map<String, Object> change = new HashMap<>(Map.of(
                "phoneNumberId", "900000000001" + (System.nanoTime() % 1000),
                "businessAccountId", "102290129340398",
                "displayNumber", "+1 555 078 3881",
                "accessToken", "EAAGsecret-token-WXYZ",
                "appSecret", "app-secret-value-ABCD"));
        // the first connection needs all three secrets
        api.put("/api/v1/settings/whatsapp", admin.accessToken(), change).expectError(400, "VALIDATION_ERROR");
        change.put("verifyToken", "my-verify-token-1234");
        change.put("phoneNumberId", "12ab");
        api.put("/api/v1/settings/whatsapp", admin.accessToken(), change).expectError(400, "VALIDATION_ERROR");
        String phoneId = "9000000" + (System.nanoTime() % 100000);
        change.put("phoneNumberId", phoneId);
        JsonNode saved = api.put("/api/v1/settings/whatsapp", admin.accessToken(), change)
                .expect(200)
                .json();
        assertThat(saved.path("accessTokenLastFour").asText()).isEqualTo("WXYZ");
        assertThat(saved.path("appSecretLastFour").asText()).isEqualTo("ABCD");
        assertThat(saved.path("verifyTokenLastFour").asText()).isEqualTo("1234");
        String shown = api.get("/api/v1/settings/whatsapp", admin.accessToken())
                .expect(200)
                .body();
        assertThat(shown).doesNotContain("EAAGsecret-token-WXYZ", "app-secret-value-ABCD", "my-verify-token-1234");
        assertThat(shown).contains("\"connected\":true", phoneId);

        Map<String, Object> row = db().sql("select access_token_sealed, app_secret_sealed, verify_token_hash from"
                        + " whatsapp_numbers where phone_number_id = ?")
                .param(phoneId)
                .query()
                .singleRow();
        assertThat(row.values())
                .allSatisfy(v -> assertThat(v.toString())
                        .doesNotContain("EAAGsecret-token-WXYZ", "app-secret-value-ABCD", "my-verify-token-1234"));
        assertThat(row.get("access_token_sealed").toString()).startsWith("v1:");

        // a later change without secrets keeps them
        change.remove("accessToken");
        change.remove("appSecret");
        change.remove("verifyToken");
        change.put("displayNumber", "+1 555 078 0000");
        JsonNode kept = api.put("/api/v1/settings/whatsapp", admin.accessToken(), change)
                .expect(200)
                .json();
        assertThat(kept.path("accessTokenLastFour").asText()).isEqualTo("WXYZ");
        assertThat(kept.path("displayNumber").asText()).isEqualTo("+1 555 078 0000");

        // another workspace cannot take the same number
        Api.Session other = api.signup();
        change.put("accessToken", "EAAGother-token-1111");
        change.put("appSecret", "other-app-secret-2222");
        change.put("verifyToken", "other-verify-token-3333");
        api.put("/api/v1/settings/whatsapp", other.accessToken(), change).expectError(409, "CONFLICT");
        // only admins
        Api.Session operator = api.addUser(admin, "OPERATOR");
        api.get("/api/v1/settings/whatsapp", operator.accessToken()).expect(403);
    }

    @Test
    void testConnectionAsksTheGraphApiWithTheStoredToken() {
        Workspace w = connected();
        stubNumber(w.phoneNumberId());
        JsonNode ok = api().post("/api/v1/settings/whatsapp/test", w.admin().accessToken(), null)
                .expect(200)
                .json();
        assertThat(ok.path("ok").asBoolean()).isTrue();
        assertThat(ok.path("verifiedName").asText()).isEqualTo("Revo Jewels");
        GRAPH.verify(getRequestedFor(urlPathEqualTo("/v21.0/" + w.phoneNumberId()))
                .withHeader("Authorization", equalTo("Bearer EAAG-token-" + w.phoneNumberId())));
        assertThat(api().get("/api/v1/settings/whatsapp", w.admin().accessToken())
                        .expect(200)
                        .json()
                        .path("number")
                        .path("lastTestOk")
                        .asBoolean())
                .isTrue();

        GRAPH.stubFor(get(urlPathEqualTo("/v21.0/" + w.phoneNumberId()))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Error validating access token: Session has expired\","
                                + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,"
                                + "\"fbtrace_id\":\"A1b2C3\"}}")));
        JsonNode failed = api().post("/api/v1/settings/whatsapp/test", w.admin().accessToken(), null)
                .expect(200)
                .json();
        assertThat(failed.path("ok").asBoolean()).isFalse();
        assertThat(failed.path("error").asText()).contains("190").contains("Session has expired");
    }

    @Test
    void testConnectionWithoutANumberIs404() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/settings/whatsapp/test", admin.accessToken(), null).expectError(404, "NOT_FOUND");
    }
}
