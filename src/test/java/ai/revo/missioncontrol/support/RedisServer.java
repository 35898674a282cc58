package ai.revo.missioncontrol.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Redis server of the test's own on a free port, so a test can stop and restart it without touching the
 * machine's shared Redis. The binary is {@code MC_REDIS_SERVER} when set, else {@code redis-server} on the PATH
 * (Debian's), else the one shipped in the {@code com.github.codemonstur:embedded-redis} test dependency, extracted
 * once into {@code target/} — so a machine with only a JDK runs these tests too.
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
        String binary = binary();
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

    /** The redis-server to run: configured, on the PATH, or extracted from the shipped artifact. */
    static synchronized String binary() throws IOException {
        String configured = System.getenv("MC_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "redis-server"))) {
                return "redis-server";
            }
        }
        String resource = shippedBinary();
        Path target = Path.of("target", "redis-bin", resource).toAbsolutePath();
        if (!Files.isExecutable(target)) {
            Files.createDirectories(target.getParent());
            try (java.io.InputStream in = RedisServer.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("No redis-server on the PATH and " + resource
                            + " is not on the test classpath (com.github.codemonstur:embedded-redis)");
                }
                Path partial = Files.createTempFile(target.getParent(), "redis-server", ".part");
                Files.copy(in, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                partial.toFile().setExecutable(true, true);
                Files.move(
                        partial,
                        target,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target.toString();
    }

    private static String shippedBinary() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(java.util.Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm");
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        throw new IllegalStateException("No redis-server on the PATH; install one or set MC_REDIS_SERVER");
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
