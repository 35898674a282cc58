package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.PageClient;
import java.net.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hardening headers on pages (signed out and in), API answers and API errors, and CORS: only the configured
 * origin gets a preflight answer, for the API only, without cookies.
 */
class SecurityHeadersTest extends IntegrationTest {

    static void hardened(HttpHeaders headers, String what) {
        assertThat(headers.firstValue("Content-Security-Policy"))
                .as(what)
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("frame-ancestors 'none'")
                        .contains("object-src 'none'")
                        .contains("base-uri 'self'")
                        .contains("script-src 'self';")
                        .doesNotContain("unsafe-eval"));
        String scripts = headers.firstValue("Content-Security-Policy")
                .orElseThrow()
                .split("script-src")[1]
                .split(";")[0];
        assertThat(scripts).as(what + ": scripts from this origin only").doesNotContain("unsafe-inline");
        assertThat(headers.firstValue("Content-Security-Policy-Report-Only"))
                .as(what)
                .isEmpty();
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
        // served over plain HTTP here (MC_SECURE_COOKIES off): no HSTS
        assertThat(headers.firstValue("Strict-Transport-Security")).as(what).isEmpty();
    }

    @Test
    void pagesApiAnswersAndErrorsCarryTheHardeningHeaders() {
        Api api = api();
        Api.Session admin = api.signup();
        hardened(api.send("GET", "/login", null, null, Map.of()).headers(), "login page");
        hardened(api.get("/api/v1/campaigns", admin.accessToken()).expect(200).headers(), "API answer");
        hardened(api.get("/api/v1/campaigns", null).expect(401).headers(), "API 401");
        hardened(
                api.get("/api/v1/campaigns/" + java.util.UUID.randomUUID(), admin.accessToken())
                        .expect(404)
                        .headers(),
                "API 404");
        PageClient page = PageClient.signIn(port, admin.email(), admin.password());
        hardened(page.get("/").headers(), "home page");
        hardened(page.get("/campaigns").headers(), "campaigns page");
    }

    @Test
    void onlyTheConfiguredOriginMayCallTheApiFromABrowser() {
        Api api = api();
        Map<String, String> allowed = Map.of(
                "Origin", "https://crm.example.test",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        Api.Response preflight = api.send("OPTIONS", "/api/v1/campaigns", null, null, allowed);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://crm.example.test");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");

        Api.Response other = api.send(
                "OPTIONS",
                "/api/v1/campaigns",
                null,
                null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        Api.Session admin = api.signup();
        Api.Response simple = api.send(
                "GET", "/api/v1/campaigns", admin.accessToken(), null, Map.of("Origin", "https://crm.example.test"));
        assertThat(simple.status()).isEqualTo(200);
        assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo("https://crm.example.test");
        assertThat(simple.header("Access-Control-Expose-Headers")).contains("RateLimit-Remaining");
    }
}
