package ai.revo.missioncontrol.bench;

import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures, against one running node: (1) the latency from an event's commit to its delivery to SSE clients, with
 * many clients connected at once, and (2) how many events per second the node sustains into the event log.
 * Run by {@code bench/events.sh}, which starts the node; not a unit test.
 *
 * <p>Arguments: baseUrl clients events throughputSeconds writerThreads [rawPgbenchInsertTps]
 */
public final class EventsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int writers = Integer.parseInt(args[4]);
        double baselineTps = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        Api api = new Api(base);
        Api.Session admin = api.signup();

        // 1. latency with many SSE clients
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(4))
                .build();
        ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        AtomicInteger connected = new AtomicInteger();
        AtomicLong delivered = new AtomicLong();
        CountDownLatch allConnected = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events/stream?type=safety."))
                    .header("Authorization", "Bearer " + admin.accessToken())
                    .header("Accept", "text/event-stream")
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    if (line.startsWith(":connected")) {
                        connected.incrementAndGet();
                        allConnected.countDown();
                    } else if (line.startsWith("data:")) {
                        long now = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
                        try {
                            JsonNode e = JSON.readTree(line.substring(5));
                            Instant ts = Instant.parse(e.path("timestamp").asText());
                            long sent = ts.getEpochSecond() * 1_000_000 + ts.getNano() / 1000;
                            latenciesMicros.add(Math.max(0, now - sent));
                            delivered.incrementAndGet();
                        } catch (Exception ignored) {
                            // a partial line; not counted
                        }
                    }
                }

                @Override
                public void onError(Throwable t) {}

                @Override
                public void onComplete() {}
            }));
        }
        if (!allConnected.await(120, TimeUnit.SECONDS)) {
            System.out.println("only " + connected.get() + " of " + clients + " clients connected");
        }
        for (int i = 0; i < events; i++) {
            api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of("EMAIL", i % 2 == 0)))
                    .expect(200);
            Thread.sleep(20);
        }
        long expected = (long) events * connected.get();
        long deadline = System.currentTimeMillis() + 30_000;
        while (delivered.get() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);

        // 2. sustained audited writes per second into the log: 8 workspaces in parallel, then one busy workspace
        long startSeq = lastSeq(api, admin);
        List<Api.Session> sessions = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            sessions.add(api.signup());
        }
        // warm-up, not counted
        writePhase(api, writers, 2, w -> sessions.get(w), (s, w, i) -> toggleSwitch(api, s, i));
        double[] parallel =
                writePhase(api, writers, seconds, w -> sessions.get(w), (s, w, i) -> toggleSwitch(api, s, i));
        Api.Session busy = api.signup();
        double[] oneWorkspace = writePhase(api, writers, seconds, w -> busy, (s, w, i) -> addSuppression(api, s, w, i));
        long busyEvents = lastSeq(api, busy);
        // the ceiling of the HTTP stack on this machine: the same threads asking GET /health (no token, only its
        // health checks' few database round trips), so an audited write's figure can be read against what the
        // lightest request reaches here in the same run
        double[] health = writePhase(
                api,
                writers,
                seconds,
                w -> null,
                (s, w, i) -> api.get("/health", null).expect(200));

        System.out.println("RESULT clients=" + connected.get() + "/" + clients);
        System.out.println("RESULT events=" + events + " deliveries=" + delivered.get() + "/" + expected);
        System.out.println("RESULT latency_ms_p50=" + percentile(sorted, 50) + " p99=" + percentile(sorted, 99)
                + " max=" + percentile(sorted, 100));
        System.out.printf(
                "RESULT audited_writes_per_s_8_workspaces=%.0f (writers=%d, %d writes in %.1f s, safety switch toggles)%s%n",
                parallel[0] / parallel[1],
                writers,
                (long) parallel[0],
                parallel[1],
                ratio(parallel[0] / parallel[1], baselineTps));
        System.out.printf(
                "RESULT audited_writes_per_s_1_busy_workspace=%.0f (writers=%d, %d writes in %.1f s, suppressions added; its feed ends at seq %d)%s%n",
                oneWorkspace[0] / oneWorkspace[1],
                writers,
                (long) oneWorkspace[0],
                oneWorkspace[1],
                busyEvents,
                ratio(oneWorkspace[0] / oneWorkspace[1], baselineTps));
        System.out.printf(
                "RESULT http_ceiling_get_health_per_s=%.0f (writers=%d, %d requests in %.1f s, no token, its health checks only)%s%n",
                health[0] / health[1], writers, (long) health[0], health[1], ratio(health[0] / health[1], baselineTps));
        System.out.println("RESULT first_seq_of_throughput_phase=" + startSeq);
        System.exit(0);
    }

    interface Write {
        void run(Api.Session session, int writer, int i);
    }

    /** {writes, seconds} of W threads writing in a loop for the given seconds. */
    private static double[] writePhase(
            Api api, int writers, int seconds, java.util.function.IntFunction<Api.Session> session, Write write)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long t0 = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Api.Session s = session.apply(w);
            pool.submit(() -> {
                int i = 0;
                while (running.get()) {
                    write.run(s, writer, i++);
                    written.incrementAndGet();
                }
                return null;
            });
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        return new double[] {written.get(), (System.nanoTime() - t0) / 1e9};
    }

    private static void toggleSwitch(Api api, Api.Session s, int i) {
        api.patch("/api/v1/settings/safety", s.accessToken(), Map.of("channels", Map.of("SMS", i % 2 == 0)))
                .expect(200);
    }

    private static void addSuppression(Api api, Api.Session s, int writer, int i) {
        api.post(
                        "/api/v1/suppressions",
                        s.accessToken(),
                        Map.of(
                                "channel",
                                "EMAIL",
                                "address",
                                "w" + writer + "-" + i + "-" + System.nanoTime() + "@example.com"))
                .expect(201);
    }

    private static String ratio(double perSecond, double baselineTps) {
        return baselineTps <= 0
                ? ""
                : String.format(" raw_pgbench_insert_tps=%.0f ratio=%.3f", baselineTps, perSecond / baselineTps);
    }

    private static long lastSeq(Api api, Api.Session admin) {
        JsonNode data = api.get("/api/v1/events/feed?limit=1", admin.accessToken())
                .json()
                .path("data");
        return data.isEmpty() ? 0 : data.get(0).path("seq").asLong();
    }

    private static String percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return "n/a";
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
        return String.format("%.1f", sorted.get(Math.max(0, index)) / 1000.0);
    }
}
