package ai.revo.missioncontrol.knowledge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDataDir;
import ai.revo.missioncontrol.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on a database of their own, fetching pages from WireMock on 127.0.0.1 (so these nodes run
 * with MC_KNOWLEDGE_ALLOW_PRIVATE_HOSTS=true): a web page added on one node is found on the other, re-ingesting it
 * on the other fetches it afresh, and once it is deleted on the first neither node answers from it.
 */
class KnowledgeTwoNodeTest {

    private static ConfigurableApplicationContext node(TestDatabase.Endpoint db) {
        return new SpringApplicationBuilder(MissionControlApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        TestDataDir.argument(),
                        "--mc.security.jwt-secret=" + IntegrationTest.JWT_SECRET,
                        "--mc.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
                        "--mc.security.bootstrap-admin.email=bootstrap-admin@example.com",
                        "--mc.security.login-throttle.failures-per-address=100000",
                        "--mc.security.login-throttle.signups-per-address=100000",
                        "--mc.knowledge.allow-private-hosts=true",
                        "--db-scheduler.polling-interval=200ms");
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api("http://127.0.0.1:"
                + ((WebServerApplicationContext) node).getWebServer().getPort());
    }

    private static List<String> texts(Api api, String token, String q) {
        List<String> out = new ArrayList<>();
        api.get("/api/v1/knowledge/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token)
                .expect(200)
                .json()
                .path("data")
                .forEach(h -> out.add(h.path("text").asText()));
        return out;
    }

    private static void page(WireMockServer site, String body) {
        site.stubFor(get(urlEqualTo("/guide"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<html><head><title>Care guide</title><script>var x = 'not text';</script></head>"
                                + "<body><nav>Home | Shop</nav><h1>Caring for pearls</h1><p>" + body + "</p>"
                                + "<footer>Copyright</footer></body></html>")));
    }

    private static JsonNode waitReady(Api api, String token, String id) {
        JsonNode[] last = {null};
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            last[0] = api.get("/api/v1/knowledge/sources/" + id, token)
                    .expect(200)
                    .json();
            assertThat(last[0].path("status").asText()).isNotEqualTo("FAILED");
            return last[0].path("status").asText().equals("READY");
        });
        return last[0];
    }

    @Test
    void aWebPageAddedOnOneNodeIsFoundOnTheOtherAndOnceDeletedOnNeither() {
        TestDatabase.Endpoint db = TestDatabase.createDatabase();
        WireMockServer site = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        site.start();
        try (ConfigurableApplicationContext a = node(db);
                ConfigurableApplicationContext b = node(db)) {
            site.stubFor(get(urlEqualTo("/robots.txt"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "text/plain")
                            .withBody("User-agent: *\nAllow: /\n")));
            page(site, "Store pearls flat in a soft pouch, away from perfume and hairspray.");
            Api apiA = api(a);
            Api apiB = api(b);
            Api.Session admin = apiA.signup();
            String onA = admin.accessToken();
            String onB = apiB.login(admin.email(), admin.password()).accessToken();

            JsonNode added = apiA.post(
                            "/api/v1/knowledge/sources/url",
                            onA,
                            Map.of("url", "http://127.0.0.1:" + site.port() + "/guide"))
                    .expect(202)
                    .json();
            assertThat(added.path("kind").asText()).isEqualTo("URL");
            assertThat(added.path("name").asText()).isEqualTo("Care guide");
            String id = added.path("id").asText();
            assertThat(waitReady(apiB, onB, id).path("chunks").asInt()).isEqualTo(1);
            JsonNode chunk = apiB.get("/api/v1/knowledge/sources/" + id + "/chunks", onB)
                    .expect(200)
                    .json()
                    .path("data")
                    .get(0);
            assertThat(chunk.path("heading").asText()).isEqualTo("Caring for pearls");
            assertThat(chunk.path("text").asText()).doesNotContain("not text", "Home | Shop", "Copyright");

            // both nodes answer, each from its own in-memory index
            assertThat(texts(apiA, onA, "how should I store pearls?")).anyMatch(t -> t.contains("soft pouch"));
            assertThat(texts(apiB, onB, "how should I store pearls?")).anyMatch(t -> t.contains("soft pouch"));

            // re-ingested on B: the page is fetched afresh, and A answers from the new text
            page(site, "Wipe pearls with a damp cloth after wearing them and keep them in a silk bag.");
            apiB.post("/api/v1/knowledge/sources/" + id + "/reingest", onB, null)
                    .expect(202);
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> apiA.get("/api/v1/knowledge/sources/" + id + "/chunks", onA)
                            .expect(200)
                            .body()
                            .contains("silk bag"));
            waitReady(apiA, onA, id);
            List<String> fresh = texts(apiA, onA, "how should I store pearls?");
            assertThat(fresh).anyMatch(t -> t.contains("silk bag"));
            assertThat(fresh).noneMatch(t -> t.contains("soft pouch"));

            apiA.delete("/api/v1/knowledge/sources/" + id, onA).expect(204);
            assertThat(texts(apiB, onB, "how should I store pearls in a silk bag?"))
                    .isEmpty();
            assertThat(texts(apiA, onA, "how should I store pearls in a silk bag?"))
                    .isEmpty();
            apiB.get("/api/v1/knowledge/sources/" + id, onB).expectError(404, "NOT_FOUND");
        } finally {
            site.stop();
        }
    }
}
