package ai.revo.missioncontrol.bench;

import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The client of bench/faults.sh: a steady mixed load (a campaign write, a draft save and an email send per round)
 * against two nodes while the script kills one with kill -9 and restarts it. A request that fails (connection
 * refused, reset, 5xx) is retried on the other node with the same Idempotency-Key (the draft with the same id). When
 * the script says the run is over and both nodes are up it checks: every acknowledged campaign exists once, the
 * feed's seqs run 1..N with no gap or duplicate, every acknowledged send was SENT once and smtp-sink received as many
 * messages as the product marked SENT. Prints RESULT lines.
 */
public final class FaultsBenchmark {

    public static void main(String[] args) throws Exception {
        String[] bases = {args[0], args[1]};
        SinkCount sink = new SinkCount(Path.of(args[2]));
        Path ready = Path.of(args[3]);
        Path over = Path.of(args[4]);
        Api first = new Api(bases[0]);
        Api.Session admin = first.signup();
        String token = admin.accessToken();
        first.patch("/api/v1/settings/safety", token, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        Files.writeString(ready, "ready");
        List<String> campaigns = new ArrayList<>();
        List<String> sends = new ArrayList<>();
        int retries = 0;
        int round = 0;
        while (!Files.exists(over)) {
            round++;
            String name = "Fault run " + round + " " + UUID.randomUUID();
            retries += call(bases, round, "POST", "/api/v1/campaigns", token, Map.of("name", name), 201);
            campaigns.add(name);
            String draft = UUID.randomUUID().toString();
            retries += call(
                    bases,
                    round,
                    "POST",
                    "/api/v1/emails/draft",
                    token,
                    Map.of("id", draft, "subject", "Round " + round, "bodyHtml", "<p>Round " + round + "</p>"),
                    200);
            String to = "round" + round + "@sink.example";
            retries += call(
                    bases,
                    round,
                    "POST",
                    "/api/v1/emails/send",
                    token,
                    Map.of("draftId", draft, "fromEmail", "bench@revo.example", "toEmail", to),
                    202);
            sends.add(to);
        }
        Api a = new Api(bases[0]);
        Api b = new Api(bases[1]);
        awaitUp(a);
        awaitUp(b);
        System.out.printf(
                "RESULT load rounds=%d acknowledged_campaigns=%d acknowledged_sends=%d retried_requests=%d%n",
                round, campaigns.size(), sends.size(), retries);

        // emails: wait until every acknowledged send has ended (SENT or otherwise) and the sink count is steady
        long deadline = System.nanoTime() + 600_000_000_000L;
        Map<String, Integer> byStatus = new HashMap<>();
        Map<String, Integer> perRecipient = new HashMap<>();
        int lastSink = -1;
        while (System.nanoTime() < deadline) {
            byStatus.clear();
            perRecipient.clear();
            for (int page = 1; ; page++) {
                JsonNode data = a.get("/api/v1/emails?limit=200&page=" + page, token)
                        .expect(200)
                        .json()
                        .path("data");
                if (data.isEmpty()) {
                    break;
                }
                for (JsonNode e : data) {
                    byStatus.merge(e.path("status").asText(), 1, Integer::sum);
                    perRecipient.merge(e.path("toEmail").asText(), 1, Integer::sum);
                }
            }
            int sent = byStatus.getOrDefault("SENT", 0);
            int received = sink.received();
            boolean settled = byStatus.keySet().stream()
                    .allMatch(s -> s.equals("SENT") || s.equals("FAILED") || s.equals("BLOCKED"));
            if (settled && received == lastSink && received >= sent && sent + failed(byStatus) >= sends.size()) {
                break;
            }
            lastSink = received;
            Thread.sleep(3000);
        }
        long duplicateRecipients =
                perRecipient.values().stream().filter(n -> n > 1).count();
        long missingRecipients =
                sends.stream().filter(s -> !perRecipient.containsKey(s)).count();
        System.out.printf(
                "RESULT emails acknowledged=%d statuses=%s smtp_sink_received=%d recipients_with_more_than_one_email=%d"
                        + " acknowledged_without_email=%d%n",
                sends.size(), byStatus, sink.received(), duplicateRecipients, missingRecipients);

        // campaigns: each acknowledged one exactly once
        Map<String, Integer> names = new HashMap<>();
        for (int page = 1; ; page++) {
            JsonNode data = a.get("/api/v1/campaigns?limit=200&page=" + page, token)
                    .expect(200)
                    .json()
                    .path("data");
            if (data.isEmpty()) {
                break;
            }
            data.forEach(c -> names.merge(c.path("name").asText(), 1, Integer::sum));
        }
        long missing = campaigns.stream().filter(n -> !names.containsKey(n)).count();
        long doubled =
                campaigns.stream().filter(n -> names.getOrDefault(n, 0) > 1).count();
        System.out.printf(
                "RESULT campaigns acknowledged=%d missing=%d doubled=%d%n", campaigns.size(), missing, doubled);

        // feed: seqs 1..N, each once
        List<Long> seqs = new ArrayList<>();
        String after = "0";
        while (true) {
            JsonNode page = a.get("/api/v1/events/feed?order=asc&limit=200&after=" + after, token)
                    .expect(200)
                    .json();
            page.path("data").forEach(e -> seqs.add(e.path("seq").asLong()));
            JsonNode next = page.path("pagination").path("nextAfter");
            if (!page.path("pagination").path("hasMore").asBoolean() || next.isNull() || next.isMissingNode()) {
                break;
            }
            after = next.asText();
        }
        long gaps = 0;
        long dups = 0;
        for (int i = 1; i < seqs.size(); i++) {
            long d = seqs.get(i) - seqs.get(i - 1);
            if (d == 0) {
                dups++;
            } else if (d > 1) {
                gaps += d - 1;
            }
        }
        System.out.printf(
                "RESULT feed events=%d first=%s last=%s gaps=%d duplicates=%d%n",
                seqs.size(),
                seqs.isEmpty() ? "-" : seqs.get(0),
                seqs.isEmpty() ? "-" : seqs.get(seqs.size() - 1),
                gaps,
                dups);
        System.out.flush();
        System.exit(0);
    }

    private static int failed(Map<String, Integer> byStatus) {
        return byStatus.getOrDefault("FAILED", 0) + byStatus.getOrDefault("BLOCKED", 0);
    }

    /** Sends until the expected status, alternating nodes; answers how many attempts were retries. */
    private static int call(String[] bases, int round, String method, String path, String token, Object body, int ok)
            throws InterruptedException {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 600; attempt++) {
            Api api = new Api(bases[(round + attempt) % 2]);
            try {
                Api.Response r = api.send(method, path, token, body, Map.of("Idempotency-Key", key));
                if (r.status() == ok) {
                    return attempt;
                }
                if (r.status() < 500) {
                    throw new IllegalStateException(path + " answered " + r.status() + ": " + r.body());
                }
            } catch (IllegalStateException e) {
                if (e.getMessage() != null && e.getMessage().contains(" answered ")) {
                    throw e;
                }
            } catch (RuntimeException e) {
                // the node is down or went down mid-request: try the other one with the same key
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(path + " never succeeded");
    }

    private static void awaitUp(Api api) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            try {
                if (api.get("/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException down) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("a node did not come back");
    }

    /** smtp-sink -c's count: the last {@code mesg=N} in its status output. */
    record SinkCount(Path file) {
        int received() throws java.io.IOException {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII);
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("mesg=(\\d+)").matcher(text);
            int last = 0;
            while (m.find()) {
                last = Integer.parseInt(m.group(1));
            }
            return last;
        }
    }
}
