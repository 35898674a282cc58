package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDataDir;
import ai.revo.missioncontrol.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one database and one SMTP server: a sender mailbox's hourly cap holds across them.
 * Emails are queued through both nodes, and both nodes' workers take them; exactly the cap goes out.
 */
class EmailTwoNodeCapTest {

    private static ConfigurableApplicationContext node(TestDatabase.Endpoint db, int smtpPort) {
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
                        "--mc.security.signup-outbound=approved",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort,
                        "--mc.email.hourly-cap=3",
                        "--mc.email.allowed-from-domains=example.com",
                        "--mc.email.daily-cap=100",
                        "--db-scheduler.polling-interval=200ms",
                        "--db-scheduler.threads=4");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void theHourlyCapOfASenderHoldsAcrossTwoNodes() throws Exception {
        TestDatabase.Endpoint db = TestDatabase.createDatabase();
        GreenMail smtp = new GreenMail(new ServerSetup(EmailIntegrationTest.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        try (ConfigurableApplicationContext a = node(db, smtp.getSmtp().getPort());
                ConfigurableApplicationContext b = node(db, smtp.getSmtp().getPort())) {
            Api apiA = new Api("http://127.0.0.1:" + port(a));
            Api apiB = new Api("http://127.0.0.1:" + port(b));
            Api.Session admin = apiA.signup();
            String token = admin.accessToken();
            apiA.patch("/api/v1/settings/safety", token, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                    .expect(200);
            String from = Api.uniqueEmail("shared-mailbox");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Api api = i % 2 == 0 ? apiA : apiB;
                String draft = api.post(
                                "/api/v1/emails/draft",
                                token,
                                Map.of("subject", "Hello " + i, "bodyHtml", "<p>Message " + i + "</p>"))
                        .expect(200)
                        .json()
                        .path("id")
                        .asText();
                Map<String, Object> body = new HashMap<>();
                body.put("draftId", draft);
                body.put("fromEmail", from);
                body.put("toEmail", "reader" + i + "@example.com");
                ids.add(api.send(
                                "POST",
                                "/api/v1/emails/send",
                                token,
                                body,
                                Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                        .expect(202)
                        .json()
                        .path("id")
                        .asText());
            }
            // the sign that both nodes' workers are done with every email: each one is SENT or deferred by the cap
            // (its next attempt an hour away); nothing is sending or waiting for anything else. A check that found
            // the cap taken by sends still in flight on the other node (nothing SENT yet to date the hour from)
            // looks again a minute later, so the wait allows for that one re-check.
            List<JsonNode> settled = await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> {
                                List<JsonNode> emails = new ArrayList<>();
                                for (String id : ids) {
                                    emails.add(apiB.get("/api/v1/emails/" + id, token)
                                            .expect(200)
                                            .json());
                                }
                                return emails;
                            },
                            emails -> emails.stream()
                                    .allMatch(e -> e.path("status").asText().equals("SENT")
                                            || (e.path("status").asText().equals("PENDING_SEND")
                                                    && e.path("reason").asText().contains("cap")
                                                    && Instant.parse(e.path("nextAttemptAt")
                                                                    .asText())
                                                            .isAfter(Instant.now()
                                                                    .plus(Duration.ofMinutes(30))))));
            Map<String, Integer> byStatus = new HashMap<>();
            for (JsonNode email : settled) {
                byStatus.merge(email.path("status").asText(), 1, Integer::sum);
                if (email.path("status").asText().equals("PENDING_SEND")) {
                    assertThat(Instant.parse(email.path("nextAttemptAt").asText()))
                            .as("a capped email waits for the next hour, nothing sooner")
                            .isAfter(Instant.now().plus(Duration.ofMinutes(30)));
                }
            }
            assertThat(byStatus).containsEntry("SENT", 3).containsEntry("PENDING_SEND", 5);
            assertThat(smtp.getReceivedMessages()).hasSize(3);
        } finally {
            smtp.stop();
        }
    }
}
