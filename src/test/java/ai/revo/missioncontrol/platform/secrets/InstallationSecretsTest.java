package ai.revo.missioncontrol.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes (two {@link InstallationSecrets}, each with its own connection pool and its own cipher holding the same
 * installation key) on one migrated database, asking for a secret nobody configured at the same moment.
 */
class InstallationSecretsTest {

    private static final String KEY = "a-passphrase-of-at-least-thirty-two-characters";
    private static HikariDataSource poolA;
    private static HikariDataSource poolB;

    @TempDir
    static Path dirA;

    @TempDir
    static Path dirB;

    @BeforeAll
    static void database() {
        TestDatabase.Endpoint db = TestDatabase.createDatabase();
        Flyway.configure()
                .dataSource(db.url(), db.username(), db.password())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", "mc_app"))
                .load()
                .migrate();
        poolA = pool(db);
        poolB = pool(db);
    }

    @AfterAll
    static void close() {
        poolA.close();
        poolB.close();
    }

    private static HikariDataSource pool(TestDatabase.Endpoint db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.url());
        ds.setUsername(db.username());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(4);
        ds.setConnectionInitSql("SET ROLE mc_app"); // as the application runs: not the owner, not a superuser
        return ds;
    }

    private static InstallationSecrets node(HikariDataSource pool, String key, String previous, Path dir) {
        return new InstallationSecrets(JdbcClient.create(pool), new SecretCipher(key, previous, dir));
    }

    @Test
    void nodesAskingAtOnceAllGetTheOneSecretThatWasStored() throws Exception {
        InstallationSecrets a = node(poolA, KEY, "", dirA);
        InstallationSecrets b = node(poolB, KEY, "", dirB);
        int askers = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger candidates = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(askers);
        byte[] first;
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < askers; i++) {
                InstallationSecrets node = i % 2 == 0 ? a : b;
                answers.add(threads.submit(() -> {
                    start.await();
                    return node.shared("race", () -> {
                        candidates.incrementAndGet();
                        byte[] bytes = new byte[48];
                        new SecureRandom().nextBytes(bytes);
                        return bytes;
                    });
                }));
            }
            start.countDown();
            first = answers.get(0).get();
            for (Future<byte[]> answer : answers) {
                assertThat(answer.get()).isEqualTo(first);
            }
            assertThat(first).hasSize(48);
            // the race was real: more than one asker found nothing stored and offered its own candidate
            System.out.println("InstallationSecretsTest: candidates offered " + candidates.get());
        } finally {
            threads.shutdownNow();
        }
        JdbcClient owner = JdbcClient.create(poolA);
        assertThat(owner.sql("select count(*) from installation_secrets where name = 'race'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        String sealed = owner.sql("select sealed from installation_secrets where name = 'race'")
                .query(String.class)
                .single();
        assertThat(sealed)
                .startsWith("v1:")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(first));
        // a later start of either node reads the same secret and never calls its candidate
        assertThat(a.shared("race", () -> {
                    throw new AssertionError("a stored secret must be read, not replaced");
                }))
                .isEqualTo(first);
    }

    @Test
    void aNodeWithAnotherInstallationKeyRefusesToStartWithItsOwnSecret() {
        byte[] stored = node(poolA, KEY, "", dirA).shared("other-key", () -> new byte[] {1, 2, 3});
        InstallationSecrets stranger = node(poolB, "a-different-passphrase-of-32-characters-or-more", "", dirB);
        assertThatThrownBy(() -> stranger.shared("other-key", () -> new byte[] {9}))
                .isInstanceOf(SecretUnreadable.class)
                .hasMessageContaining("MC_SECRETS_KEY");
        assertThat(node(poolB, KEY, "", dirB).shared("other-key", () -> new byte[] {9}))
                .isEqualTo(stored);
    }

    @Test
    void aRotatedInstallationKeyReadsTheSecretAndSealsItAgainUnderTheNewKey() {
        byte[] stored = node(poolA, KEY, "", dirA).shared("rotated", () -> new byte[] {4, 5, 6});
        String newKey = "the-new-installation-passphrase-32-chars-plus";
        SecretCipher rotatedCipher = new SecretCipher(newKey, KEY, dirB);
        InstallationSecrets rotated = new InstallationSecrets(JdbcClient.create(poolB), rotatedCipher);
        assertThat(rotated.shared("rotated", () -> new byte[] {7})).isEqualTo(stored);
        String sealed = JdbcClient.create(poolA)
                .sql("select sealed from installation_secrets where name = 'rotated'")
                .query(String.class)
                .single();
        assertThat(rotatedCipher.isCurrent(sealed)).isTrue();
        // now only the new key opens it
        assertThat(node(poolA, newKey, "", dirA).shared("rotated", () -> new byte[] {8}))
                .isEqualTo(stored);
    }

    @Test
    void theApplicationRoleCannotDeleteASharedSecret() {
        node(poolA, KEY, "", dirA).shared("kept", () -> new byte[] {1});
        assertThatThrownBy(() -> JdbcClient.create(poolA)
                        .sql("delete from installation_secrets where name = 'kept'")
                        .update())
                .hasRootCauseMessage("ERROR: permission denied for table installation_secrets");
    }
}
