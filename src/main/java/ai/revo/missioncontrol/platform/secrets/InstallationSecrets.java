package ai.revo.missioncontrol.platform.secrets;

import java.util.Base64;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secrets every node of an installation must share (the JWT signing key, the email tracking key) when the operator
 * has not configured them. They live in the database ({@code installation_secrets}), sealed with the installation
 * key by {@link SecretCipher}: the first node to ask stores its candidate, every later ask (on any node) gets that
 * stored value. The store is race-safe without a lock: {@code INSERT ... ON CONFLICT DO NOTHING}, then read back
 * whatever won.
 *
 * <p>Every node needs the same installation key ({@code MC_SECRETS_KEY}) to open the stored value; a node with
 * another key fails at start with {@link SecretUnreadable} rather than signing with a secret of its own.
 */
@Component
public class InstallationSecrets {

    private static final Logger log = LoggerFactory.getLogger(InstallationSecrets.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public InstallationSecrets(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * The installation's secret called {@code name} (lower-case letters, digits, {@code . _ -}; not null). When none
     * is stored yet, {@code candidate} (called at most once; not null, not empty) is stored and returned unless
     * another node stored one first, in which case that one is returned. Throws {@link SecretUnreadable} when the
     * stored value was sealed under an installation key this node does not have.
     */
    public byte[] shared(String name, Supplier<byte[]> candidate) {
        String context = context(name);
        String stored = read(name);
        if (stored == null) {
            byte[] fresh = candidate.get();
            if (fresh == null || fresh.length == 0) {
                throw new IllegalArgumentException("a shared secret must not be empty");
            }
            int inserted = jdbc.sql("""
                    insert into installation_secrets (name, sealed) values (:name, :sealed)
                    on conflict (name) do nothing
                    """)
                    .param("name", name)
                    .param("sealed", cipher.seal(Base64.getEncoder().encodeToString(fresh), context))
                    .update();
            if (inserted == 1) {
                log.info("Stored a generated {} secret in the database for every node of this installation", name);
            }
            stored = read(name);
            if (stored == null) {
                throw new IllegalStateException("The " + name + " secret was stored but cannot be read back");
            }
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(cipher.open(stored, context));
        } catch (SecretUnreadable e) {
            throw new SecretUnreadable("the " + name + " secret shared by this installation's nodes was sealed under"
                    + " another installation key or altered; set the same MC_SECRETS_KEY on every node");
        }
        if (!cipher.isCurrent(stored)) {
            // opened with a previous installation key: seal it under the current one (only if nobody did meanwhile)
            jdbc.sql("""
                    update installation_secrets set sealed = :sealed, updated_at = now()
                    where name = :name and sealed = :old
                    """)
                    .param("sealed", cipher.seal(Base64.getEncoder().encodeToString(secret), context))
                    .param("name", name)
                    .param("old", stored)
                    .update();
        }
        return secret;
    }

    private String read(String name) {
        return jdbc.sql("select sealed from installation_secrets where name = :name")
                .param("name", name)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String context(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9_.-]{0,62}")) {
            throw new IllegalArgumentException("not a secret name: " + name);
        }
        return "installation-secret:" + name;
    }
}
