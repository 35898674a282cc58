package ai.revo.missioncontrol.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two real SMTP servers (GreenMail): the installation's relay and workspace A's own. A sends through its own, B
 * through the installation's; a sandboxed workspace with its own relay still reaches only its own users; the test
 * email goes through the gateway (dry run: not sent); sender identities become From and Reply-To.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceSmtpRelayTest {

    private static final TestDatabase.Endpoint DATABASE = TestDatabase.createDatabase();
    static final GreenMail INSTALLATION = start();
    static final GreenMail OWN = start();
    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.applicationProperties(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add(
                "spring.mail.port", () -> String.valueOf(INSTALLATION.getSmtp().getPort()));
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
        // the test's own relay listens on this machine
        registry.add("mc.email.workspace-relay.allow-private-hosts", () -> "true");
        registry.add("mc.security.signup-outbound", () -> "sandboxed");
        registry.add("db-scheduler.polling-interval", () -> "200ms");
    }

    @AfterAll
    static void stop() {
        INSTALLATION.stop();
        OWN.stop();
    }

    Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    @Test
    void aWorkspaceWithItsOwnRelaySendsThroughItAndAnotherThroughTheInstallations() throws Exception {
        Api api = api();
        Api.Session a = live(api, api.signup(), true);
        Api.Session b = live(api, api.signup(), true);
        ownRelay(api, a, "relay-user", "relay-secret-Pa55");
        String toA = Api.uniqueEmail("outside-a");
        String toB = Api.uniqueEmail("outside-b");
        send(api, a, toA).expect(200);
        send(api, b, toB).expect(200);
        await().atMost(WAIT)
                .until(() -> to(OWN, toA).size() == 1 && to(INSTALLATION, toB).size() == 1);
        assertThat(to(INSTALLATION, toA)).isEmpty();
        assertThat(to(OWN, toB)).isEmpty();
        assertThat(api.get("/api/v1/outbound?status=SENT", a.accessToken())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        // removing it sends through the installation's again
        api.delete("/api/v1/settings/email-sending/relay", a.accessToken()).expect(204);
        String again = Api.uniqueEmail("outside-a2");
        send(api, a, again).expect(200);
        await().atMost(WAIT).until(() -> to(INSTALLATION, again).size() == 1);
    }

    @Test
    void aSandboxedWorkspaceWithItsOwnRelayStillReachesOnlyItsOwnUsers() throws Exception {
        Api api = api();
        Api.Session c = live(api, api.signup(), false);
        ownRelay(api, c, null, null);
        String outsider = Api.uniqueEmail("outsider");
        var out = send(api, c, outsider).expect(200).json();
        assertThat(out.path("status").asText()).isEqualTo("BLOCKED_SANDBOX");
        var test = api.post("/api/v1/settings/email-sending/test", c.accessToken(), null)
                .expect(200)
                .json();
        assertThat(test.path("status").asText()).isEqualTo("SENT");
        assertThat(test.path("via").asText()).isEqualTo("WORKSPACE_RELAY");
        assertThat(test.path("to").asText()).isEqualTo(c.email());
        await().atMost(WAIT).until(() -> to(OWN, c.email()).size() == 1);
        assertThat(to(OWN, outsider)).isEmpty();
        assertThat(to(INSTALLATION, outsider)).isEmpty();
    }

    @Test
    void theTestEmailGoesThroughTheGatewayAndSaysWhatHappened() {
        Api api = api();
        Api.Session d = api.signup();
        // a new workspace: dry run on
        var simulated = api.post("/api/v1/settings/email-sending/test", d.accessToken(), null)
                .expect(200)
                .json();
        assertThat(simulated.path("status").asText()).isEqualTo("SIMULATED");
        assertThat(simulated.path("via").asText()).isEqualTo("INSTALLATION_RELAY");
        api.patch("/api/v1/settings/safety", d.accessToken(), Map.of("dryRunMode", false))
                .expect(200);
        var off = api.post("/api/v1/settings/email-sending/test", d.accessToken(), null)
                .expect(200)
                .json();
        assertThat(off.path("status").asText()).isEqualTo("BLOCKED_CHANNEL_OFF");
        assertThat(to(INSTALLATION, d.email())).isEmpty();
        Api.Session operator = api.addUser(d, "OPERATOR");
        api.post("/api/v1/settings/email-sending/test", operator.accessToken(), null)
                .expectError(403, "FORBIDDEN");
    }

    @Test
    void thePasswordIsStoredSealedAndNeverShownBack() throws Exception {
        Api api = api();
        Api.Session e = api.signup();
        ownRelay(api, e, "someone", "Very-Secret-Relay-Password");
        var overview =
                api.get("/api/v1/settings/email-sending", e.accessToken()).expect(200);
        assertThat(overview.json().path("relay").path("passwordSet").asBoolean())
                .isTrue();
        assertThat(overview.body()).doesNotContain("Very-Secret-Relay-Password");
        String sealed = single("select password_sealed from smtp_relays where tenant_id = ?", e.tenantId());
        assertThat(sealed).startsWith("v1:").doesNotContain("Very-Secret");
        assertThat(api.get("/api/v1/audit?action=email_sending", e.accessToken())
                        .body())
                .contains("relay_configured")
                .doesNotContain("Very-Secret-Relay-Password");
        assertThat(api.get("/api/v1/events/feed?type=email_sending", e.accessToken())
                        .body())
                .doesNotContain("Very-Secret-Relay-Password");
        // saving again without a password keeps it; "" removes it
        api.put(
                        "/api/v1/settings/email-sending/relay",
                        e.accessToken(),
                        Map.of("host", "127.0.0.1", "port", OWN.getSmtp().getPort(), "startTls", false))
                .expect(200);
        assertThat(single("select password_sealed from smtp_relays where tenant_id = ?", e.tenantId()))
                .isEqualTo(sealed);
        var cleared = api.put(
                        "/api/v1/settings/email-sending/relay",
                        e.accessToken(),
                        Map.of("host", "127.0.0.1", "port", OWN.getSmtp().getPort(), "password", ""))
                .expect(200)
                .json();
        assertThat(cleared.path("passwordSet").asBoolean()).isFalse();
        api.put("/api/v1/settings/email-sending/relay", e.accessToken(), Map.of("host", "not a host!", "port", 587))
                .expectError(400, "VALIDATION_ERROR");
        api.put("/api/v1/settings/email-sending/relay", e.accessToken(), Map.of("host", "127.0.0.1", "port", 0))
                .expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void senderIdentitiesBecomeFromAndReplyToOfTheWorkspacesEmails() throws Exception {
        Api api = api();
        Api.Session f = live(api, api.signup(), true);
        // through the installation's relay a made-up address is refused
        api.post(
                        "/api/v1/settings/email-sending/identities",
                        f.accessToken(),
                        Map.of("displayName", "Bank", "address", "ceo@bank.test"))
                .expectError(400, "VALIDATION_ERROR");
        ownRelay(api, f, null, null);
        var identity = api.post(
                        "/api/v1/settings/email-sending/identities",
                        f.accessToken(),
                        Map.of(
                                "displayName",
                                "Zoë from Sales",
                                "address",
                                "Sales@Acme.test",
                                "replyTo",
                                "replies@acme.test",
                                "signature",
                                "Zoë\nAcme sales"))
                .expect(201)
                .json();
        assertThat(identity.path("address").asText()).isEqualTo("sales@acme.test");
        assertThat(identity.path("isDefault").asBoolean()).isTrue();
        // a composer send without fromEmail: from the default identity
        String draftId = UUID.randomUUID().toString();
        api.post(
                        "/api/v1/emails/draft",
                        f.accessToken(),
                        Map.of("id", draftId, "subject", "Hello", "bodyHtml", "<p>Hello there</p>"))
                .expect(200);
        String to = Api.uniqueEmail("prospect");
        api.send(
                        "POST",
                        "/api/v1/emails/send",
                        f.accessToken(),
                        Map.of("draftId", draftId, "toEmail", to),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(202);
        await().atMost(WAIT).until(() -> to(OWN, to).size() == 1);
        MimeMessage got = to(OWN, to).get(0);
        assertThat(got.getHeader("From", null)).contains("sales@acme.test");
        assertThat(((jakarta.mail.internet.InternetAddress) got.getFrom()[0]).getPersonal())
                .isEqualTo("Zoë from Sales");
        assertThat(got.getHeader("Reply-To", null)).isEqualTo("replies@acme.test");
        assertThat(GreenMailUtil.getBody(got)).contains("Acme sales");
        api.get("/api/v1/settings/email-sending/identities", f.accessToken()).expect(200);
    }

    private Api.Response send(Api api, Api.Session s, String to) {
        return api.post(
                "/api/v1/outbound/test",
                s.accessToken(),
                Map.of(
                        "channel",
                        "EMAIL",
                        "to",
                        to,
                        "subject",
                        "Relay check",
                        "body",
                        "hello",
                        "idempotencyKey",
                        UUID.randomUUID().toString()));
    }

    private void ownRelay(Api api, Api.Session s, String username, String password) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("host", "127.0.0.1");
        body.put("port", OWN.getSmtp().getPort());
        body.put("startTls", false);
        if (username != null) {
            body.put("username", username);
            body.put("password", password);
            OWN.setUser(username + "@own.test", username, password);
        }
        var relay = api.put("/api/v1/settings/email-sending/relay", s.accessToken(), body)
                .expect(200)
                .json();
        assertThat(relay.path("passwordSet").asBoolean()).isEqualTo(password != null);
    }

    /** Dry run off, EMAIL on; {@code approved}: the operator lets it reach anyone. */
    private Api.Session live(Api api, Api.Session s, boolean approved) throws Exception {
        api.patch(
                        "/api/v1/settings/safety",
                        s.accessToken(),
                        Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        if (approved) {
            try (Connection c = DATABASE.connect();
                    PreparedStatement st =
                            c.prepareStatement("update tenants set outbound_access = 'APPROVED' where id = ?")) {
                st.setObject(1, UUID.fromString(s.tenantId()));
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
        }
        return s;
    }

    private static String single(String sql, String tenant) throws Exception {
        try (Connection c = DATABASE.connect();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, UUID.fromString(tenant));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<MimeMessage> to(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
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
