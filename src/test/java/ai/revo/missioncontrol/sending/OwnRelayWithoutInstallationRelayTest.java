package ai.revo.missioncontrol.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An installation with no SMTP relay of its own: a workspace with its own relay can send, the others cannot. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnRelayWithoutInstallationRelayTest {

    private static final TestDatabase.Endpoint DATABASE = TestDatabase.createDatabase();
    static final GreenMail OWN = start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.applicationProperties(registry, DATABASE);
        registry.add("mc.email.workspace-relay.allow-private-hosts", () -> "true");
    }

    @AfterAll
    static void stop() {
        OWN.stop();
    }

    @Test
    void emailIsConfiguredExactlyForTheWorkspaceThatHasItsOwnRelay() {
        Api api = new Api("http://127.0.0.1:" + port);
        Api.Session own = api.signup();
        Api.Session none = api.signup();
        for (Api.Session s : new Api.Session[] {own, none}) {
            api.patch(
                            "/api/v1/settings/safety",
                            s.accessToken(),
                            Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                    .expect(200);
        }
        assertThat(emailState(api, own)).isEqualTo("NOT_CONFIGURED");
        assertThat(api.get("/api/v1/settings/email-sending", own.accessToken())
                        .json()
                        .path("installationRelay")
                        .asBoolean())
                .isFalse();
        api.put(
                        "/api/v1/settings/email-sending/relay",
                        own.accessToken(),
                        Map.of("host", "127.0.0.1", "port", OWN.getSmtp().getPort(), "startTls", false))
                .expect(200);
        assertThat(emailState(api, own)).isEqualTo("READY");
        assertThat(emailState(api, none)).isEqualTo("NOT_CONFIGURED");
        String to = Api.uniqueEmail("outside");
        assertThat(test(api, own, to)).isEqualTo("SENT");
        assertThat(test(api, none, Api.uniqueEmail("outside"))).isEqualTo("BLOCKED_NOT_CONFIGURED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.stream(OWN.getReceivedMessages()).anyMatch(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(to);
                    } catch (Exception e) {
                        return false;
                    }
                }));
        var result = api.post("/api/v1/settings/email-sending/test", none.accessToken(), null)
                .expect(200)
                .json();
        assertThat(result.path("status").asText()).isEqualTo("BLOCKED_NOT_CONFIGURED");
    }

    private static String emailState(Api api, Api.Session s) {
        for (var c :
                api.get("/api/v1/settings/channels", s.accessToken()).json().path("data")) {
            if (c.path("channel").asText().equals("EMAIL")) {
                return c.path("state").asText();
            }
        }
        return null;
    }

    private static String test(Api api, Api.Session s, String to) {
        return api.post(
                        "/api/v1/outbound/test",
                        s.accessToken(),
                        Map.of(
                                "channel",
                                "EMAIL",
                                "to",
                                to,
                                "subject",
                                "Check",
                                "body",
                                "hello",
                                "idempotencyKey",
                                UUID.randomUUID().toString()))
                .expect(200)
                .json()
                .path("status")
                .asText();
    }

    private static GreenMail start() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int free = s.getLocalPort();
            s.close();
            GreenMail g = new GreenMail(new ServerSetup(free, "127.0.0.1", "smtp"));
            g.start();
            return g;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
