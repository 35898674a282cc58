package ai.revo.missioncontrol.bench;

import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answer times of the two requests a person waits on in the composer, against {@code GET /health} measured by the
 * same client in the same run, all under the same number of concurrent clients (closed loop: each client sends its
 * next request when the previous one answered): draft autosave ({@code POST /api/v1/emails/draft} of an existing
 * draft) and send acceptance ({@code POST /api/v1/emails/send} with an Idempotency-Key, until the 202). Dry run is off
 * and the node delivers to a local SMTP sink (GreenMail in this process). {@code GET /health} runs before and after
 * the two, and its p95 over both is the reference. Run by {@code bench/latency.sh}; not a unit test.
 *
 * <p>Arguments: baseUrl smtpPort clients requestsPerClient
 */
public final class LatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    interface Call {
        HttpRequest request(int client, int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int smtpPort = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        int perClient = Integer.parseInt(args[3]);
        GreenMail sink = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        sink.start();
        try {
            run(base, clients, perClient);
        } finally {
            sink.stop();
        }
        System.out.flush();
        System.exit(0);
    }

    private static void run(String base, int clients, int perClient) throws Exception {
        Api api = new Api(base);
        Api.Session admin = api.signup();
        String token = admin.accessToken();
        api.patch("/api/v1/settings/safety", token, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(clients))
                .build();
        List<String> typing = drafts(api, token, clients);
        List<String> toSend = drafts(api, token, clients * perClient * 2);

        Call health = (c, i) ->
                HttpRequest.newBuilder(URI.create(base + "/health")).GET().build();
        Call autosave = (c, i) -> post(
                base + "/api/v1/emails/draft",
                token,
                JSON.writeValueAsString(Map.of(
                        "id",
                        typing.get(c),
                        "subject",
                        "Quick idea " + i,
                        "bodyHtml",
                        "<p>Hi there, <b>draft " + i + "</b>. Shall we talk next week?</p>")),
                null);
        AtomicInteger nextDraft = new AtomicInteger();
        Call send = (c, i) -> {
            int n = nextDraft.getAndIncrement();
            return post(
                    base + "/api/v1/emails/send",
                    token,
                    JSON.writeValueAsString(Map.of(
                            "draftId",
                            toSend.get(n),
                            "fromEmail",
                            "bench@revo.example",
                            "toEmail",
                            "latency" + n + "@sink.example")),
                    UUID.randomUUID().toString());
        };

        // warm-up of every kind, not measured (half the sends' drafts are kept for it)
        phase(http, clients, perClient / 2 + 1, health, 200);
        phase(http, clients, perClient / 2 + 1, autosave, 200);
        phase(http, clients, perClient, send, 202);

        List<Long> healthMicros = new ArrayList<>(phase(http, clients, perClient, health, 200));
        List<Long> autosaveMicros = phase(http, clients, perClient, autosave, 200);
        List<Long> sendMicros = phase(http, clients, perClient, send, 202);
        healthMicros.addAll(phase(http, clients, perClient, health, 200));

        double healthP95 = at(sorted(healthMicros), 0.95);
        double autosaveP95 = at(sorted(autosaveMicros), 0.95);
        double sendP95 = at(sorted(sendMicros), 0.95);
        System.out.printf(
                "RESULT clients=%d requests_per_client=%d load_average=\"%s\"%n", clients, perClient, loadAverage());
        System.out.printf("RESULT get_health %s (the reference, before and after)%n", percentiles(healthMicros));
        System.out.printf(
                "RESULT draft_autosave %s ratio_p95_to_health=%.1f (target <= 3)%n",
                percentiles(autosaveMicros), autosaveP95 / healthP95);
        System.out.printf(
                "RESULT send_accept %s ratio_p95_to_health=%.1f (target <= 5)%n",
                percentiles(sendMicros), sendP95 / healthP95);
    }

    /** Every client sends {@code n} requests one after another; returns the answer times in microseconds. */
    private static List<Long> phase(HttpClient http, int clients, int n, Call call, int expected)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                for (int i = 0; i < n; i++) {
                    try {
                        HttpRequest request = call.request(client, i);
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                        long took = (System.nanoTime() - t0) / 1000;
                        if (r.statusCode() == expected) {
                            micros.add(took);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " requests did not answer " + expected);
        }
        return new ArrayList<>(micros);
    }

    private static List<String> drafts(Api api, String token, int n) throws InterruptedException {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < n; i++) {
            int k = i;
            pool.submit(() -> {
                String id = UUID.randomUUID().toString();
                api.post(
                                "/api/v1/emails/draft",
                                token,
                                Map.of(
                                        "id",
                                        id,
                                        "subject",
                                        "Hello " + k,
                                        "bodyHtml",
                                        "<p>Hi, this is message " + k + ". Would a short call next week help?</p>"))
                        .expect(200);
                ids.add(id);
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        if (ids.size() != n) {
            throw new IllegalStateException("only " + ids.size() + " of " + n + " drafts were saved");
        }
        return ids;
    }

    private static HttpRequest post(String url, String token, String body, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return b.build();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .substring(0, 14)
                    .trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static List<Long> sorted(List<Long> micros) {
        List<Long> s = new ArrayList<>(micros);
        Collections.sort(s);
        return s;
    }

    private static String percentiles(List<Long> micros) {
        List<Long> s = sorted(micros);
        return String.format(
                "n=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                s.size(), at(s, 0.50), at(s, 0.95), at(s, 0.99), s.get(s.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }
}
