package ai.revo.missioncontrol.identity;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start (no users at all) creates the workspace "Default" and its ADMIN. When no password is
 * configured one is generated and printed once; it is never stored in clear.
 */
@Component
@org.springframework.core.annotation.Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final TenantDirectory directory;
    private final AuthManagement auth;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final InstanceOperators operators;

    BootstrapAdmin(
            TenantDirectory directory,
            AuthManagement auth,
            PasswordEncoder passwords,
            IdentityProperties properties,
            InstanceOperators operators) {
        this.directory = directory;
        this.auth = auth;
        this.passwords = passwords;
        this.properties = properties;
        this.operators = operators;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.hasAnyUser()) {
            ensureOperator();
            return;
        }
        IdentityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        String configured = admin.password();
        boolean generated = configured == null || configured.isBlank();
        String password =
                generated ? generatePassword() : PasswordPolicy.check("MC_BOOTSTRAP_ADMIN_PASSWORD", configured);
        EmailAddress email = new EmailAddress(admin.email());
        try {
            User created = auth.createWorkspace(admin.workspaceName(), email, passwords.encode(password), null);
            operators.grant(created.id(), created.email(), null);
        } catch (ai.revo.missioncontrol.platform.ApiException alreadyThere) {
            log.info("The first administrator was created by another node meanwhile");
            return;
        }
        if (generated) {
            log.warn("Created the first administrator (shown only this once):\n{}", box(email.value(), password));
        } else {
            log.info("Created the first administrator {} with the password from MC_BOOTSTRAP_ADMIN_PASSWORD", email);
        }
    }

    /**
     * An installation from before the operator console has no operator yet: the bootstrap administrator becomes it,
     * but only when that login belongs to a workspace the operator created (never to a self-registered one).
     */
    private void ensureOperator() {
        if (operators.any()) {
            return;
        }
        auth.operatorCandidate(properties.bootstrapAdmin().email()).ifPresent(user -> {
            operators.grant(user.id(), user.email(), null);
            log.info("{} is the instance operator (the bootstrap administrator)", user.email());
        });
    }

    /** The first administrator's credentials in a box, so they stand out in the start-up log. */
    static String box(String email, String password) {
        String[] lines = {
            "First administrator - sign in at the dashboard with",
            "  email:    " + email,
            "  password: " + password,
            "Shown only this once. Change it after signing in,",
            "or set MC_BOOTSTRAP_ADMIN_PASSWORD before the first start."
        };
        int width = 0;
        for (String line : lines) {
            width = Math.max(width, line.length());
        }
        StringBuilder box = new StringBuilder("+").append("-".repeat(width + 2)).append("+\n");
        for (String line : lines) {
            box.append("| ")
                    .append(line)
                    .append(" ".repeat(width - line.length()))
                    .append(" |\n");
        }
        return box.append("+").append("-".repeat(width + 2)).append("+").toString();
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
