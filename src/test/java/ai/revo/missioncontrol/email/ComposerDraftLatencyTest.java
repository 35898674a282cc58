package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;

/**
 * Autosave latency: 300 saves of a 4 KB draft with a prospect, through the facade (server-side work: sanitising,
 * text part, lead check, upsert, commit) and through HTTP. Prints p50, p95 and p99; asserts a generous bound so a
 * busy machine does not fail it, while a regression to tens of milliseconds does.
 */
class ComposerDraftLatencyTest extends IntegrationTest {

    @Autowired
    ComposerDrafts drafts;

    @Test
    void aSaveTakesAFewMillisecondsServerSide() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Latency")).expect(201).json().path("id")
                .asText();
        String lead = api.post("/api/v1/leads", t, Map.of("campaignId", campaign, "contact",
                Map.of("email", Api.uniqueEmail("lat")))).expect(201).json().path("id").asText();
        TenantId tenant = new TenantId(UUID.fromString(admin.tenantId()));
        UUID id = UUID.randomUUID();
        String paragraph = "<p>Hello <b>Ada</b>, we help teams like yours <a href=\"https://example.com\">book demos</a>.</p>";
        int n = 300;
        long[] facade = new long[n];
        long[] http = new long[n];
        for (int i = 0; i < n; i++) {
            String html = paragraph.repeat(40) + "<p>" + i + "</p>";
            long start = System.nanoTime();
            drafts.save(tenant, new ComposerDrafts.DraftContent(id, UUID.fromString(lead), null, null, "Subject " + i,
                    html, null), Actor.user(admin.userId(), admin.email()));
            facade[i] = System.nanoTime() - start;
        }
        for (int i = 0; i < n; i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("id", id.toString());
            body.put("prospectId", lead);
            body.put("subject", "Subject " + i);
            body.put("bodyHtml", paragraph.repeat(40) + "<p>" + i + "</p>");
            long start = System.nanoTime();
            api.post("/api/v1/emails/draft", t, body).expect(200);
            http[i] = System.nanoTime() - start;
        }
        long[] read = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            api.get("/api/v1/emails/drafts/" + id, t).expect(200);
            read[i] = System.nanoTime() - start;
        }
        double[] r = percentiles(read);
        System.out.printf("RESULT draft read (HTTP baseline, %d reads): p50=%.2fms p95=%.2fms p99=%.2fms%n", n, r[0], r[1], r[2]);
        double[] f = percentiles(facade);
        double[] h = percentiles(http);
        System.out.printf("RESULT draft save (facade, %d saves, 4 KB): p50=%.2fms p95=%.2fms p99=%.2fms%n", n, f[0], f[1], f[2]);
        System.out.printf("RESULT draft save (HTTP, %d saves, 4 KB): p50=%.2fms p95=%.2fms p99=%.2fms%n", n, h[0], h[1], h[2]);
        assertThat(f[0]).isLessThan(10.0);
        assertThat(h[0]).isLessThan(30.0);
        assertThat(api.get("/api/v1/emails/drafts", t).json().path("pagination").path("total").asInt()).isEqualTo(1);
    }

    static double[] percentiles(long[] nanos) {
        // the first tenth warms up the JIT and the pool
        long[] warm = Arrays.copyOfRange(nanos, nanos.length / 10, nanos.length);
        Arrays.sort(warm);
        return new double[] { at(warm, 0.50), at(warm, 0.95), at(warm, 0.99) };
    }

    static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1_000_000.0;
    }
}
