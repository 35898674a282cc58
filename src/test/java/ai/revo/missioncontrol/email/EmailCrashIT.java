package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Exactly-once delivery across a crash (issue 13, "must not regress"): a node in a JVM of its own is killed with
 * SIGKILL in the middle of a blast of 5,000 queued emails, against a real SMTP server (GreenMail, in this JVM) that
 * counts what it receives by Message-ID. A second node on the same database then takes over: it revives the dead
 * node's queue entries and reconciles the attempts that were in flight. Afterwards every email is SENT and was
 * received exactly once, or is still queued and was received never, or is UNKNOWN (its SMTP conversation started
 * and no outcome was recorded) and was received at most once; no email was received twice, none is missing.
 * A slow suite (failsafe, {@code *IT}): it starts two application JVMs and takes five minutes or more, so it runs only
 * when asked: {@code ./mvnw verify -Dmc.crash-test=true}. Seen passing on 2026-12-02 (324.7 s at load about 12) once
 * a dead node's steps were revived at the time they were first due instead of behind the whole backlog.
 */
@EnabledIfSystemProperty(named = "mc.crash-test", matches = "true")
class EmailCrashIT {

    private static final int EMAILS = 5_000;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // the suite's default limit (junit-platform.properties: 3 minutes per test) ended every run of this test before it
    // could finish: queueing 5,000 through the API and starting two nodes alone take minutes on a loaded host
    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void aNodeKilledMidBlastSendsNothingTwiceAndLosesNothing() throws Exception {
        TestDatabase.Endpoint db = TestDatabase.createDatabase();
        GreenMail smtp = new GreenMail(new ServerSetup(EmailIntegrationTest.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        Process a = null;
        Process b = null;
        try {
            int portA = EmailIntegrationTest.freePort();
            a = node("a", db, portA, smtp.getSmtp().getPort());
            awaitHealthy(a, portA);
            Api api = new Api("http://127.0.0.1:" + portA);
            Api.Session admin = api.signup();
            api.patch(
                            "/api/v1/settings/safety",
                            admin.accessToken(),
                            Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                    .expect(200);
            String draft = UUID.randomUUID().toString();
            api.post(
                            "/api/v1/emails/draft",
                            admin.accessToken(),
                            Map.of("id", draft, "subject", "Crash test", "bodyHtml", "<p>Hello from the blast</p>"))
                    .expect(200);

            // queue 5,000 through the public API from 16 clients while the node delivers
            ExecutorService clients = Executors.newFixedThreadPool(16);
            AtomicInteger refused = new AtomicInteger();
            for (int i = 0; i < EMAILS; i++) {
                int n = i;
                clients.submit(() -> {
                    try {
                        HttpResponse<Void> r = HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA + "/api/v1/emails/send"))
                                        .header("Authorization", "Bearer " + admin.accessToken())
                                        .header("Content-Type", "application/json")
                                        .header("Idempotency-Key", "crash-" + n)
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"draftId\":\"" + draft
                                                + "\",\"fromEmail\":\"blast@example.com\",\"toEmail\":\"r" + n
                                                + "@sink.example\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 202) {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            assertThat(refused.get()).isZero();
            assertThat(count(db, "select count(*) from emails")).isEqualTo(EMAILS);

            // mid-blast: some delivered, most still queued; then SIGKILL, no shutdown of any kind
            await().atMost(Duration.ofMinutes(2)).until(() -> smtp.getReceivedMessages().length >= 50);
            assertThat(count(db, "select count(*) from emails where status = 'PENDING_SEND'"))
                    .isGreaterThan(0);
            a.destroyForcibly();
            a.waitFor(30, TimeUnit.SECONDS);
            List<String> inFlight = ids(db, "select id from emails where status = 'SENDING'");

            // the second node revives the dead node's queue entries and reconciles what was in flight
            int portB = EmailIntegrationTest.freePort();
            b = node("b", db, portB, smtp.getSmtp().getPort());
            awaitHealthy(b, portB);
            String inFlightList = inFlight.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> inFlight.isEmpty()
                            || count(
                                            db,
                                            "select count(*) from emails where status = 'SENDING' and id in ("
                                                    + inFlightList + ")")
                                    == 0);
            // and has delivered some of the rest; then it dies the same way, mid-blast
            long sentBefore = count(db, "select count(*) from emails where status = 'SENT'");
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> count(db, "select count(*) from emails where status = 'SENT'") > sentBefore);
            b.destroyForcibly();
            b.waitFor(30, TimeUnit.SECONDS);

            // every email against what the SMTP server received, by Message-ID
            Map<String, Integer> received = new HashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                received.merge(m.getMessageID(), 1, Integer::sum);
            }
            assertThat(received.values()).as("no email received twice").allMatch(n -> n == 1);
            Map<String, String> statusByMessageId = new HashMap<>();
            try (Connection c = db.connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select message_id, status from emails")) {
                while (rs.next()) {
                    statusByMessageId.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(statusByMessageId).as("none lost").hasSize(EMAILS);
            assertThat(received.keySet())
                    .as("everything received is an email of ours")
                    .allMatch(statusByMessageId::containsKey);
            List<String> wrong = new ArrayList<>();
            Map<String, Integer> byStatus = new HashMap<>();
            statusByMessageId.forEach((messageId, status) -> {
                int n = received.getOrDefault(messageId, 0);
                byStatus.merge(status, 1, Integer::sum);
                boolean ok = switch (status) {
                    case "SENT" -> n == 1;
                    case "PENDING_SEND" -> n == 0;
                    case "SENDING", "UNKNOWN" -> n <= 1;
                    default -> false;
                };
                if (!ok) {
                    wrong.add(messageId + " " + status + " received " + n + " times");
                }
            });
            assertThat(wrong)
                    .as("emails whose status does not match what arrived (by status: %s)", byStatus)
                    .isEmpty();
            assertThat(byStatus.getOrDefault("SENT", 0)).isGreaterThan(0);
            // an attempt in flight at the kill is never assumed delivered: SENT only where the gateway had recorded it
            assertThat(count(
                            db,
                            "select count(*) from email_logs l join outbound_messages m on m.idempotency_key = "
                                    + "'email:' || l.email_id || ':' || l.attempt where l.outcome in ('ACCEPTED', "
                                    + "'RECONCILED') and m.status <> 'SENT'"))
                    .isZero();
        } finally {
            if (a != null) {
                a.destroyForcibly();
            }
            if (b != null) {
                b.destroyForcibly();
            }
            smtp.stop();
        }
    }

    /** A node in a JVM of its own: the application's classes and its dependencies, not the test classes. */
    private static Process node(String name, TestDatabase.Endpoint db, int port, int smtpPort) throws IOException {
        Path log = Path.of("target", "crash-test-node-" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                applicationClasspath(),
                MissionControlApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "--mc.data-dir=target/crash-test-data",
                "--mc.demo-data=false",
                "--mc.security.jwt-secret=" + IntegrationTest.JWT_SECRET,
                "--mc.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
                "--mc.security.bootstrap-admin.email=bootstrap-admin@example.com",
                "--mc.security.login-throttle.failures-per-address=100000",
                "--mc.security.login-throttle.signups-per-address=100000",
                "--mc.security.signup-outbound=approved",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "--spring.mail.properties.mail.smtp.timeout=2000",
                "--mc.email.hourly-cap=1000000",
                "--mc.email.daily-cap=1000000",
                "--mc.email.allowed-from-domains=example.com",
                "--mc.email.reconcile-after=3s",
                "--mc.outbound.unknown-after=4s",
                "--mc.outbound.unknown-check-every=1s",
                "--mc.outbound.limits.workspace-hourly=-1",
                "--mc.outbound.limits.workspace-daily=-1",
                "--mc.outbound.limits.sender-hourly=-1",
                "--mc.outbound.limits.sender-daily=-1",
                "--mc.outbound.limits.installation-hourly=-1",
                "--mc.outbound.limits.installation-daily=-1",
                "--db-scheduler.threads=8",
                "--db-scheduler.polling-interval=500ms",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4",
                "--logging.structured.format.console=ecs"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** The test JVM's class path less the test classes (expanding surefire's manifest-only jar if it uses one). */
    private static String applicationClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest manifest = jar.getManifest();
                    String cp = manifest == null
                            ? null
                            : manifest.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String url : cp.split(" ")) {
                            if (!url.isBlank()) {
                                entries.add(Path.of(URI.create(url)).toString());
                            }
                        }
                        continue;
                    }
                }
            }
            entries.add(entry);
        }
        return entries.stream()
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
                .filter(e -> !e.contains("surefire") && !e.contains("failsafe"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** A loaded 2-core host can take several minutes to start a node (bench/startup.sh measured 2–3 min at load 17). */
    private static final Duration START_LIMIT = Duration.ofSeconds(Long.getLong("mc.crash-test.start-seconds", 600));

    private static void awaitHealthy(Process node, int port) {
        await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(node.isAlive()).as("the node is running").isTrue();
            try {
                return HTTP.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static long count(TestDatabase.Endpoint db, String sql) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> ids(TestDatabase.Endpoint db, String sql) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
