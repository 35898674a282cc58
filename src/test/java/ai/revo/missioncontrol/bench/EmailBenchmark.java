package ai.revo.missioncontrol.bench;

import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The email channel against one running node and Postfix's {@code smtp-sink} as its relay (the same sink the raw
 * baseline sends to; {@code bench/email.sh} starts it with {@code -c} and passes the file its counter goes to): (1) composer draft
 * save latency at a steady 200 requests per second, (2) send acceptance latency with an Idempotency-Key, (3)
 * delivery throughput with dry run off, from the first send request until the sink holds every message. Run by
 * {@code bench/email.sh}, which starts the node pointed at the sink's port; not a unit test.
 *
 * <p>Arguments: baseUrl sinkCounterFile draftSeconds sendSamples deliveries
 */
public final class EmailBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        SinkCounter sink = new SinkCounter(java.nio.file.Path.of(args[1]));
        int draftSeconds = Integer.parseInt(args[2]);
        int sendSamples = Integer.parseInt(args[3]);
        int[] deliveries = java.util.Arrays.stream(args[4].split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        run(base, sink, draftSeconds, sendSamples, deliveries);
        // the HTTP client's worker threads would keep the JVM alive
        System.out.flush();
        System.exit(0);
    }

    private static void run(String base, SinkCounter sink, int draftSeconds, int sendSamples, int[] blasts)
            throws Exception {
        Api api = new Api(base);
        Api.Session admin = api.signup();
        String token = admin.accessToken();
        api.patch("/api/v1/settings/safety", token, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(16))
                .build();

        // 1. autosaves at a steady 200 requests per second (open loop: requests go out on schedule, whether or not
        // the previous ones have answered): 50 drafts being typed, each save a new version of one of them. First a
        // warm-up of the same requests, not measured.
        if (draftSeconds > 0) {
            List<String> typing = drafts(api, token, 50);
            saves(http, base, token, typing, 2000, 100, null, null);
            int total = draftSeconds * 200;
            ConcurrentLinkedQueue<Long> saveMicros = new ConcurrentLinkedQueue<>();
            AtomicInteger saveErrors = new AtomicInteger();
            long start = System.nanoTime();
            saves(http, base, token, typing, total, 200, saveMicros, saveErrors);
            double achieved = total / ((System.nanoTime() - start) / 1e9);
            System.out.printf(
                    "RESULT draft_autosave requests=%d errors=%d offered_rps=200 achieved_rps=%.0f %s%n",
                    total, saveErrors.get(), achieved, percentiles(saveMicros));
        }

        // 2. send acceptance latency, one request at a time
        List<String> sampleDrafts = drafts(api, token, sendSamples);
        List<Long> acceptMicros = new ArrayList<>();
        for (int i = 0; i < sendSamples; i++) {
            String body = JSON.writeValueAsString(Map.of(
                    "draftId",
                    sampleDrafts.get(i),
                    "fromEmail",
                    "bench@revo.example",
                    "toEmail",
                    "sample" + i + "@sink.example"));
            long sent = System.nanoTime();
            HttpResponse<Void> r = http.send(
                    post(
                            base + "/api/v1/emails/send",
                            token,
                            body,
                            UUID.randomUUID().toString()),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 202) {
                throw new IllegalStateException("send answered " + r.statusCode());
            }
            acceptMicros.add((System.nanoTime() - sent) / 1000);
        }
        if (sendSamples > 0) {
            System.out.printf("RESULT send_accept samples=%d %s%n", sendSamples, percentiles(acceptMicros));
        }
        awaitDelivered(sink, sendSamples, Duration.ofMinutes(5));

        // 3. delivery throughput: queue N sends from 16 client threads, time until the sink holds them all
        int delivered = sendSamples;
        for (int deliveries : blasts) {
            delivered += deliveries;
            blast(base, http, api, token, sink, deliveries, delivered);
        }
    }

    private static void blast(
            String base, HttpClient http, Api api, String token, SinkCounter sink, int deliveries, int expected)
            throws Exception {
        List<String> bulk = drafts(api, token, deliveries);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        AtomicInteger refused = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int i = 0; i < deliveries; i++) {
            int n = i;
            senders.submit(() -> {
                try {
                    String body = JSON.writeValueAsString(Map.of(
                            "draftId",
                            bulk.get(n),
                            "fromEmail",
                            "bench@revo.example",
                            "toEmail",
                            "bulk" + n + "@sink.example"));
                    HttpResponse<Void> r = http.send(
                            post(
                                    base + "/api/v1/emails/send",
                                    token,
                                    body,
                                    UUID.randomUUID().toString()),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 202) {
                        refused.incrementAndGet();
                    }
                } catch (Exception e) {
                    refused.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.MINUTES);
        double queuedSeconds = (System.nanoTime() - t0) / 1e9;
        awaitDelivered(sink, expected, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "RESULT delivery emails=%d refused=%d all_queued_after_s=%.1f all_delivered_after_s=%.1f "
                        + "emails_per_s=%.1f%n",
                deliveries, refused.get(), queuedSeconds, seconds, deliveries / seconds);
    }

    private static void saves(
            HttpClient http,
            String base,
            String token,
            List<String> drafts,
            int total,
            int rps,
            ConcurrentLinkedQueue<Long> micros,
            AtomicInteger errors)
            throws Exception {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long every = 1_000_000_000L / rps;
        for (int i = 0; i < total; i++) {
            long wait = start + i * every - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String body = JSON.writeValueAsString(Map.of(
                    "id",
                    drafts.get(i % drafts.size()),
                    "subject",
                    "Quick idea " + i,
                    "bodyHtml",
                    "<p>Hi there, <b>draft " + i + "</b>. Shall we talk next week?</p>"));
            long sent = System.nanoTime();
            pending.add(http.sendAsync(
                            post(base + "/api/v1/emails/draft", token, body, null),
                            HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> {
                        if (micros == null) {
                            return;
                        }
                        if (r.statusCode() == 200) {
                            micros.add((System.nanoTime() - sent) / 1000);
                        } else {
                            errors.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    private static List<String> drafts(Api api, String token, int n) throws InterruptedException {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
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

    private static void awaitDelivered(SinkCounter sink, int count, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (sink.received() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + sink.received() + " of " + count + " emails arrived");
            }
            Thread.sleep(20);
        }
    }

    /**
     * Messages {@code smtp-sink -c} has counted: it rewrites one status line ({@code sess=N quit=N mesg=N}, ended by a
     * carriage return) on its standard output for every completed DATA; the last one in the file is the count.
     */
    record SinkCounter(java.nio.file.Path file) {
        private static final java.util.regex.Pattern MESG = java.util.regex.Pattern.compile("mesg=(\\d+)");

        int received() throws java.io.IOException {
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
                long length = f.length();
                int tail = (int) Math.min(length, 256);
                byte[] bytes = new byte[tail];
                f.seek(length - tail);
                f.readFully(bytes);
                java.util.regex.Matcher m = MESG.matcher(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
                int last = 0;
                while (m.find()) {
                    last = Integer.parseInt(m.group(1));
                }
                return last;
            }
        }
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

    private static String percentiles(java.util.Collection<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format(
                "p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }
}
