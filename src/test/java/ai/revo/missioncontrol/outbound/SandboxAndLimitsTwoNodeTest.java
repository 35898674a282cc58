package ai.revo.missioncontrol.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.email.EmailTestPorts;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDataDir;
import ai.revo.missioncontrol.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes with the installation's defaults for sign-up (on, sandboxed) and one real SMTP server. A fresh
 * self-registered workspace reaches nobody outside on any path (the test send, the email API, an approved draft, a
 * non-email channel) but does reach its own users; once approved, its hourly limit holds across both nodes.
 */
class SandboxAndLimitsTwoNodeTest {

    private static TestDatabase.Endpoint db;
    private static GreenMail smtp;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static Api apiA;
    private static Api apiB;

    private static ConfigurableApplicationContext node(int smtpPort) {
        return new SpringApplicationBuilder(MissionControlApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        TestDataDir.argument(),
                        "--mc.security.jwt-secret=" + IntegrationTest.JWT_SECRET,
                        "--mc.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
                        "--mc.security.bootstrap-admin.email=bootstrap-admin@example.com",
                        "--mc.security.login-throttle.failures-per-address=100000",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort,
                        "--mc.email.hourly-cap=100",
                        "--mc.email.allowed-from-domains=example.com",
                        "--mc.outbound.limits.workspace-hourly=3",
                        "--db-scheduler.polling-interval=200ms",
                        "--db-scheduler.threads=2");
    }

    @BeforeAll
    static void start() {
        db = TestDatabase.createDatabase();
        smtp = new GreenMail(new ServerSetup(EmailTestPorts.free(), "127.0.0.1", "smtp"));
        smtp.start();
        a = node(smtp.getSmtp().getPort());
        b = node(smtp.getSmtp().getPort());
        apiA = new Api("http://127.0.0.1:"
                + ((WebServerApplicationContext) a).getWebServer().getPort());
        apiB = new Api("http://127.0.0.1:"
                + ((WebServerApplicationContext) b).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static Api.Session liveWorkspace() {
        Api.Session admin = apiA.signup();
        apiA.patch(
                        "/api/v1/settings/safety",
                        admin.accessToken(),
                        Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true, "SMS", true)))
                .expect(200);
        return admin;
    }

    private static JsonNode test(Api api, Api.Session s, String channel, String to) {
        return api.post(
                        "/api/v1/outbound/test",
                        s.accessToken(),
                        Map.of(
                                "channel",
                                channel,
                                "to",
                                to,
                                "subject",
                                "Hello",
                                "body",
                                "Buy now",
                                "idempotencyKey",
                                UUID.randomUUID().toString()))
                .expect(200)
                .json();
    }

    private static long receivedBy(String address) throws Exception {
        long n = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aFreshSelfRegisteredWorkspaceReachesNobodyOutsideOnAnyPath() throws Exception {
        Api.Session admin = liveWorkspace();
        String t = admin.accessToken();
        String outsider = Api.uniqueEmail("outsider");

        // 1. the test send, on email and on a channel without senders of its own
        JsonNode direct = test(apiA, admin, "EMAIL", outsider);
        assertThat(direct.path("status").asText()).isEqualTo("BLOCKED_SANDBOX");
        assertThat(direct.path("reason").asText()).contains("sandbox");
        assertThat(test(apiB, admin, "SMS", "+14165550100").path("status").asText())
                .isEqualTo("BLOCKED_SANDBOX");

        // 2. the email API (composer drafts and sends go this way)
        String draft = apiB.post("/api/v1/emails/draft", t, Map.of("subject", "Hi", "bodyHtml", "<p>Offer</p>"))
                .expect(200)
                .json()
                .path("id")
                .asText();
        Map<String, Object> send = new HashMap<>();
        send.put("draftId", draft);
        send.put("toEmail", outsider);
        String email = apiB.send(
                        "POST",
                        "/api/v1/emails/send",
                        t,
                        send,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> apiA.get("/api/v1/emails/" + email, t)
                        .json()
                        .path("status")
                        .asText()
                        .equals("BLOCKED"));
        assertThat(apiA.get("/api/v1/emails/" + email, t).json().path("reason").asText())
                .contains("BLOCKED_SANDBOX");

        // 3. an approved draft to a lead outside the workspace
        String campaign = apiA.post("/api/v1/campaigns", t, Map.of("name", "Sandboxed"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = apiA.post(
                        "/api/v1/leads",
                        t,
                        Map.of("campaignId", campaign, "contact", Map.of("firstName", "Out", "email", outsider)))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String drafted = apiA.post(
                        "/api/v1/drafts",
                        t,
                        Map.of(
                                "campaignId", campaign,
                                "leadId", lead,
                                "channel", "EMAIL",
                                "subject", "Hello",
                                "bodyText", "Hi, shall we talk?",
                                "priority", "NORMAL"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        apiA.patch("/api/v1/drafts/" + drafted, t, Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        apiA.post("/api/v1/drafts/" + drafted + "/approve", t, null).expect(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> apiB.get("/api/v1/outbound?status=BLOCKED_SANDBOX", t)
                                .json()
                                .path("data")
                                .size()
                        == 4);

        // nothing of it reached the SMTP server; the workspace's own user is reachable
        assertThat(receivedBy(outsider)).isZero();
        assertThat(test(apiA, admin, "EMAIL", admin.email()).path("status").asText())
                .isEqualTo("SENT");
        assertThat(receivedBy(admin.email())).isEqualTo(1);
        // every refusal is an event in the workspace's feed
        assertThat(apiA.get("/api/v1/events/feed?type=outbound.blocked&limit=50", t)
                        .json()
                        .path("data")
                        .size())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void anApprovedWorkspaceIsHeldToItsHourlyLimitAcrossTwoNodes() throws Exception {
        Api.Session admin = liveWorkspace();
        approve(admin.tenantId());
        List<Future<JsonNode>> sends = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                Api api = i % 2 == 0 ? apiA : apiB;
                String to = "reader" + i + "-" + UUID.randomUUID() + "@example.com";
                sends.add(pool.submit(() -> test(api, admin, "EMAIL", to)));
            }
            Map<String, Integer> byStatus = new HashMap<>();
            for (Future<JsonNode> f : sends) {
                byStatus.merge(f.get().path("status").asText(), 1, Integer::sum);
            }
            assertThat(byStatus).containsEntry("SENT", 3).containsEntry("BLOCKED_LIMIT", 5);
        } finally {
            pool.shutdownNow();
        }
        JsonNode blocked = apiB.get("/api/v1/outbound?status=BLOCKED_LIMIT", admin.accessToken())
                .json()
                .path("data");
        assertThat(blocked.get(0).path("reason").asText()).contains("hourly limit of 3");
    }

    private static void approve(String tenantId) throws Exception {
        try (Connection c = db.connect();
                PreparedStatement s =
                        c.prepareStatement("update tenants set outbound_access = 'APPROVED' where id = ?")) {
            s.setObject(1, UUID.fromString(tenantId));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
