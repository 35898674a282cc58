package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
                        "--mc.data-dir=target/test-data",
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
            Map<String, Integer> byStatus = new HashMap<>();
            for (int round = 0; round < 100; round++) {
                byStatus.clear();
                boolean settled = true;
                for (String id : ids) {
                    JsonNode email =
                            apiA.get("/api/v1/emails/" + id, token).expect(200).json();
                    String status = email.path("status").asText();
                    byStatus.merge(status, 1, Integer::sum);
                    if (status.equals("SENDING")
                            || (status.equals("PENDING_SEND")
                                    && !email.path("reason").asText().contains("cap"))) {
                        settled = false;
                    }
                }
                if (settled) {
                    break;
                }
                Thread.sleep(200);
            }
            Thread.sleep(1000); // time for any excess send to show up
            byStatus.clear();
            for (String id : ids) {
                byStatus.merge(
                        apiB.get("/api/v1/emails/" + id, token)
                                .expect(200)
                                .json()
                                .path("status")
                                .asText(),
                        1,
                        Integer::sum);
            }
            assertThat(byStatus).containsEntry("SENT", 3).containsEntry("PENDING_SEND", 5);
            assertThat(smtp.getReceivedMessages()).hasSize(3);
        } finally {
            smtp.stop();
        }
    }
}
