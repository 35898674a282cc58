package ai.revo.missioncontrol.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Redis server of the test's own (Debian's redis-server on a free port), so a test can stop and restart it
 * without touching the machine's shared Redis.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    public RedisServer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "redis-");
        start();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() throws IOException {
        String binary = System.getenv().getOrDefault("MC_REDIS_SERVER", "redis-server");
        process = new ProcessBuilder(List.of(
                        binary,
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        waitUntil(true, Duration.ofSeconds(10));
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
        waitUntil(false, Duration.ofSeconds(10));
    }

    private void waitUntil(boolean up, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean answering;
            try (Socket s = new Socket("127.0.0.1", port)) {
                answering = true;
            } catch (IOException e) {
                answering = false;
            }
            if (answering == up) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("redis-server on port " + port + (up ? " did not start" : " did not stop"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
