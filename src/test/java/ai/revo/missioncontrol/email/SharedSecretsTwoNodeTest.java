package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one database, each with its own data directory, with neither MC_JWT_SECRET nor
 * MC_TRACKING_SECRET configured (only the installation key, the same on both): the first node generates the signing
 * secrets into the database and the second reads them, so an access token or a tracking link issued by one is
 * accepted by the other, and no secret file is written to either data directory.
 */
class SharedSecretsTwoNodeTest {

    private static final String INSTALLATION_KEY = "shared-installation-key-of-more-than-32-characters";

    private static ConfigurableApplicationContext node(TestDatabase.Endpoint db, Path dataDir) {
        return new SpringApplicationBuilder(MissionControlApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--mc.data-dir=" + dataDir,
                        "--mc.secrets.key=" + INSTALLATION_KEY,
                        "--mc.security.jwt-secret=",
                        "--mc.email.tracking-secret=",
                        "--mc.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
                        "--mc.security.bootstrap-admin.email=bootstrap-admin@example.com",
                        "--mc.security.login-throttle.failures-per-address=100000");
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api("http://127.0.0.1:"
                + ((WebServerApplicationContext) node).getWebServer().getPort());
    }

    @Test
    void tokensAndTrackingLinksIssuedByOneNodeAreAcceptedByTheOther() throws Exception {
        TestDatabase.Endpoint db = TestDatabase.createDatabase();
        Path dirA = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "node-a-");
        Path dirB = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "node-b-");
        try (ConfigurableApplicationContext a = node(db, dirA);
                ConfigurableApplicationContext b = node(db, dirB)) {
            Api apiA = api(a);
            Api apiB = api(b);

            // signed in on A, recognised on B (and the other way round)
            Api.Session onA = apiA.signup();
            apiB.get("/api/v1/me", onA.accessToken()).expect(200);
            Api.Session onB = apiB.signup();
            apiA.get("/api/v1/me", onB.accessToken()).expect(200);
            // a token signed with any other key is still refused
            String forged = onA.accessToken().substring(0, onA.accessToken().lastIndexOf('.') + 1)
                    + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
            apiB.get("/api/v1/me", forged).expect(401);

            // a tracking link signed on A opens on B
            TenantId tenant = TenantId.of(onA.tenantId());
            UUID email = UUID.randomUUID();
            String link = a.getBean(TrackingTokens.class)
                    .sign(TrackingToken.Purpose.CLICK, tenant, email, "https://example.com/x");
            assertThat(b.getBean(TrackingTokens.class).read(link, TrackingToken.Purpose.CLICK))
                    .hasValueSatisfying(t -> {
                        assertThat(t.emailId()).isEqualTo(email);
                        assertThat(t.url()).isEqualTo("https://example.com/x");
                    });

            // the secrets live in the database, sealed; neither node wrote one to its disk
            try (var c = db.connect();
                    var s = c.createStatement();
                    var rs = s.executeQuery("select name, sealed from installation_secrets order by name")) {
                java.util.List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                    assertThat(rs.getString(2)).startsWith("v1:");
                }
                assertThat(names).containsExactly("email.tracking", "jwt", "privacy-erasure-key");
            }
            for (Path dir : java.util.List.of(dirA, dirB)) {
                assertThat(dir.resolve("jwt-secret")).doesNotExist();
                assertThat(dir.resolve("tracking-secret")).doesNotExist();
            }
        }
    }
}
