package ai.revo.missioncontrol.support;

import ai.revo.missioncontrol.outbound.RecordingAdapters;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that drive the running application over HTTP against the real PostgreSQL. All subclasses share
 * one application context (and one database); each test creates its own workspace, so tests never depend on each
 * other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import({RecordingAdapters.class, StatementCounter.class})
public abstract class IntegrationTest {

    public static final String JWT_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    public static final String BOOTSTRAP_PASSWORD = "Bootstrap-Passw0rd!";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        applicationProperties(registry, TestDatabase.shared());
        // RecordingAdapters stands in for every channel here, EMAIL included
        registry.add("mc.outbound.smtp.enabled", () -> "false");
        registry.add("mc.outbound.whatsapp.enabled", () -> "false");
        registry.add("mc.outbound.sms.enabled", () -> "false");
    }

    /**
     * What every test node needs: its database, a data directory, the JWT secret, the bootstrap admin, no per-address
     * login throttle (every test request comes from 127.0.0.1; LoginThrottleTest covers it), structured logs and a
     * short keep-alive. Standalone test bases with their own database call this and add their own properties.
     */
    public static void applicationProperties(DynamicPropertyRegistry registry, TestDatabase.Endpoint db) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("mc.data-dir", TestDataDir::path);
        registry.add("mc.security.jwt-secret", () -> JWT_SECRET);
        registry.add("mc.security.bootstrap-admin.password", () -> BOOTSTRAP_PASSWORD);
        registry.add("mc.security.bootstrap-admin.email", () -> "bootstrap-admin@example.com");
        registry.add("mc.security.login-throttle.failures-per-address", () -> "100000");
        registry.add("mc.security.login-throttle.signups-per-address", () -> "100000");
        // the journeys send to outside addresses from self-registered workspaces; the sandbox (the default) and the
        // limits have their own nodes in SandboxAndLimitsTwoNodeTest
        registry.add("mc.security.signup-outbound", () -> "approved");
        registry.add("mc.outbound.limits.installation-hourly", () -> "-1");
        registry.add("mc.outbound.limits.installation-daily", () -> "-1");
        registry.add("logging.structured.format.console", () -> "ecs");
        registry.add("mc.events.keep-alive", () -> "1s");
        // one origin allowed to call the API from a browser (SecurityHeadersTest); CORS is off by default
        registry.add("mc.cors.origins", () -> "https://crm.example.test");
        // the shared context's tests fire requests as fast as they can; ApiLimitsTwoNodeTest covers the limits
        registry.add("mc.api.limits.burst", () -> "100000");
        registry.add("mc.api.limits.per-minute", () -> "6000000");
        registry.add("mc.api.limits.key-burst", () -> "100000");
        registry.add("mc.api.limits.key-per-minute", () -> "6000000");
        registry.add("mc.api.limits.dashboard-burst", () -> "100000");
        registry.add("mc.api.limits.dashboard-per-minute", () -> "6000000");
        // outbound webhooks go to the tests' local receivers (the address guard has its own tests)
        registry.add("mc.webhooks.allowed-hosts", () -> "127.0.0.1");
        // Resend's API (received emails) is a shared WireMock stand-in, never the real one
        registry.add("mc.resend.api-url", ResendStandIn::baseUrl);
    }

    protected Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    protected TestDatabase.Endpoint database() {
        return TestDatabase.shared();
    }
}
