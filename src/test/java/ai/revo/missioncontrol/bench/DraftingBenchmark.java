package ai.revo.missioncontrol.bench;

import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the agents' daily chain against one running node in template mode: N contacts that fit an ACTIVE
 * campaign are researched (enrolled), enriched and scored, then drafted; the drafting figure is end to end for the
 * run (generation, the eight checks, writing and submitting each draft, its task, events and audit rows). Run by
 * {@code bench/drafting.sh}, which starts the node; not a unit test.
 *
 * <p>Arguments: baseUrl leads
 */
public final class DraftingBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int leads = Integer.parseInt(args[1]);
        Api api = new Api(base);
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        Map<String, Object> campaign = new HashMap<>();
        campaign.put("name", "Benchmark campaign");
        campaign.put("objective", "Book on-site estimates with contractors");
        campaign.put("channels", List.of("EMAIL"));
        campaign.put(
                "criteria",
                Map.of(
                        "industries",
                        List.of(Map.of("value", "Construction", "weight", 80)),
                        "titles",
                        List.of(Map.of("value", "Owner", "weight", 60))));
        String id = api.post("/api/v1/campaigns", t, campaign)
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/campaigns/" + id + "/status", t, Map.of("status", "ACTIVE"))
                .expect(200);
        api.post(
                        "/api/v1/companies",
                        t,
                        Map.of(
                                "domain",
                                "bench-builders.ca",
                                "name",
                                "Bench Builders",
                                "industry",
                                "Construction",
                                "size",
                                "11-50",
                                "city",
                                "Toronto",
                                "country",
                                "Canada"))
                .expect(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < leads; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    api.post(
                                    "/api/v1/contacts",
                                    t,
                                    Map.of(
                                            "firstName",
                                            "Owner" + n,
                                            "lastName",
                                            "Bench",
                                            "email",
                                            "owner" + n + "@bench-builders.ca",
                                            "jobTitle",
                                            "Owner"))
                            .expect(200);
                } catch (RuntimeException | AssertionError e) {
                    failures.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        Map<String, Object> input = Map.of("input", Map.of("limitPerCampaign", leads, "limit", leads));
        JsonNode research = run(api, t, "lead_researcher", input);
        JsonNode scoring = run(api, t, "enrichment_scorer", input);
        JsonNode drafting = run(api, t, "outreach_drafter", input);
        System.out.println("RESULT contacts=" + leads + " setup_failures=" + failures.get());
        line("research", research, "leadsEnrolled");
        line("enrichment_scoring", scoring, "leadsEnriched");
        line("drafting", drafting, "draftsSubmitted");
    }

    private static void line(String name, JsonNode run, String count) {
        int items = run.path("output").path(count).asInt();
        long ms = run.path("durationMs").asLong();
        System.out.printf(
                "RESULT %s: status=%s %s=%d duration_ms=%d per_second=%.1f%n",
                name, run.path("status").asText(), count, items, ms, ms == 0 ? 0.0 : items * 1000.0 / ms);
    }

    private static JsonNode run(Api api, String token, String agent, Object body) throws InterruptedException {
        String runId = api.post("/api/v1/agents/" + agent + "/run", token, body)
                .expect(202)
                .json()
                .path("runId")
                .asText();
        while (true) {
            JsonNode run =
                    api.get("/api/v1/runs/" + runId, token).expect(200).json().path("run");
            String status = run.path("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return run;
            }
            Thread.sleep(500);
        }
    }
}
