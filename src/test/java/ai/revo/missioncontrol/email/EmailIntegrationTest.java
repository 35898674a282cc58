package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with a real SMTP server in the test JVM (GreenMail), reached through a small switchable front
 * ({@link SmtpFront}) that normally pipes bytes to GreenMail and can instead answer 421 to the next connections or
 * 550 to RCPT TO. Its own database: no other cached context's scheduler may pick up the emails this one queues.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
public abstract class EmailIntegrationTest {

    private static final TestDatabase.Endpoint DATABASE = TestDatabase.createDatabase();
    protected static final GreenMail GREENMAIL;
    protected static final SmtpFront FRONT;

    static {
        GREENMAIL = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
        GREENMAIL.start();
        FRONT = new SmtpFront(GREENMAIL.getSmtp().getPort());
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void email(DynamicPropertyRegistry registry) {
        IntegrationTest.applicationProperties(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> String.valueOf(FRONT.port()));
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
        registry.add("db-scheduler.polling-interval", () -> "200ms");
        registry.add("mc.outbound.in-flight-wait", () -> "300ms");
        registry.add("mc.email.hourly-cap", () -> "3");
        registry.add("mc.email.allowed-from-domains", () -> "revo.example,example.com");
        registry.add("mc.email.daily-cap", () -> "100");
        registry.add("mc.email.retry-backoff", () -> "200ms");
        registry.add("mc.email.hold-recheck", () -> "300ms");
        registry.add("mc.email.reconcile-after", () -> "1s");
        // pooled SMTP sessions are checked with NOOP before every reuse, so the front's mode changes apply at once
        registry.add("mc.smtp.pool.validate-after", () -> "0ms");
    }

    protected Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    protected TestDatabase.Endpoint database() {
        return DATABASE;
    }

    /** Inserts a composer draft (the composer's API lives on another branch) and returns its id. */
    protected UUID composerDraft(
            String tenantId, UUID campaignId, UUID leadId, String subject, String html, String text) {
        UUID id = UUID.randomUUID();
        try (Connection c = DATABASE.connect();
                PreparedStatement s = c.prepareStatement("""
                insert into email_drafts (id, tenant_id, prospect_id, campaign_id, subject, body_html, body_text)
                values (?, ?, ?, ?, ?, ?, ?)
                """)) {
            s.setObject(1, id);
            s.setObject(2, UUID.fromString(tenantId));
            s.setObject(3, leadId);
            s.setObject(4, campaignId);
            s.setString(5, subject);
            s.setString(6, html);
            s.setString(7, text);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    protected int update(String sql, Object... params) {
        try (Connection c = DATABASE.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static Map<String, Object> live() {
        return Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The SMTP endpoint the application talks to. PASS pipes every connection to GreenMail; {@link #refuseNext}
     * greets the next connections with 421 and hangs up; {@link #rejectRecipients} answers 550 to RCPT TO.
     */
    protected static final class SmtpFront {

        enum Mode {
            PASS,
            REJECT_550
        }

        private final ServerSocket server;
        private final int target;
        private final AtomicInteger refusals = new AtomicInteger();
        private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.PASS);
        final AtomicInteger connections = new AtomicInteger();
        private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

        SmtpFront(int target) {
            this.target = target;
            try {
                server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread accept = new Thread(this::accept, "smtp-front");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void refuseNext(int n) {
            refusals.set(n);
            dropOpenSessions();
        }

        void rejectRecipients(boolean on) {
            mode.set(on ? Mode.REJECT_550 : Mode.PASS);
            dropOpenSessions();
        }

        /** Closes the sessions the application keeps open, so its next message connects anew and meets the mode. */
        private void dropOpenSessions() {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closed anyway
                }
            }
            open.clear();
        }

        void reset() {
            refusals.set(0);
            mode.set(Mode.PASS);
        }

        private void accept() {
            while (true) {
                try {
                    Socket client = server.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> handle(client), "smtp-front-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void handle(Socket client) {
            open.add(client);
            try (client) {
                if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    write(client.getOutputStream(), "421 4.3.2 Service not available, try again later");
                    return;
                }
                if (mode.get() == Mode.REJECT_550) {
                    reject(client);
                    return;
                }
                try (Socket upstream = new Socket("127.0.0.1", target)) {
                    Thread up = new Thread(() -> pipe(client, upstream), "smtp-front-up");
                    up.setDaemon(true);
                    up.start();
                    pipe(upstream, client);
                    up.join(2000);
                }
            } catch (IOException | InterruptedException e) {
                // connection over
            } finally {
                open.remove(client);
            }
        }

        private static void reject(Socket client) throws IOException {
            OutputStream out = client.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            write(out, "220 stub ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO", "HELO" -> write(out, "250 stub");
                    case "MAIL" -> write(out, "250 2.1.0 OK");
                    case "RCPT" -> write(out, "550 5.1.1 No such user here");
                    case "RSET", "NOOP" -> write(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        write(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> write(out, "502 5.5.2 Command not implemented");
                }
            }
        }

        private static void write(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private static void pipe(Socket from, Socket to) {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }
}
