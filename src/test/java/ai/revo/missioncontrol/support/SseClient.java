package ai.revo.missioncontrol.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events client for tests: collects events (id + JSON data) and comments as they arrive. */
public final class SseClient implements AutoCloseable {

    public record Event(String id, JsonNode data) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.concurrent.ExecutorService READERS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "sse-client-reader");
                t.setDaemon(true);
                return t;
            });
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    public SseClient(String url, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        // on its own thread: reading the stream blocks, and must never run on a caller of status()
        response.thenAcceptAsync(
                r -> {
                    lines = r.body();
                    String[] id = {null};
                    StringBuilder data = new StringBuilder();
                    try {
                        lines.forEach(line -> {
                            if (line.startsWith(":")) {
                                comments.add(line.substring(1).trim());
                            } else if (line.startsWith("id:")) {
                                id[0] = line.substring(3).trim();
                            } else if (line.startsWith("data:")) {
                                data.append(line.substring(5).trim());
                            } else if (line.isEmpty() && !data.isEmpty()) {
                                try {
                                    events.add(new Event(id[0], JSON.readTree(data.toString())));
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                data.setLength(0);
                                id[0] = null;
                            }
                        });
                    } catch (RuntimeException closed) {
                        // the stream was closed by the test or the server
                    }
                    ended.complete(null);
                },
                READERS);
    }

    public int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits up to {@code timeout} for {@code n} events. */
    public List<Event> take(int n, Duration timeout) throws InterruptedException {
        List<Event> got = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e != null) {
                got.add(e);
            }
        }
        return got;
    }

    public String nextComment(Duration timeout) throws InterruptedException {
        return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the server ended the stream within {@code timeout}. */
    public boolean endsWithin(Duration timeout) {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        if (lines != null) {
            lines.close();
        }
    }
}
