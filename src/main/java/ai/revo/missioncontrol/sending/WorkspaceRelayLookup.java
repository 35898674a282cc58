package ai.revo.missioncontrol.sending;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.WorkspaceSmtpRelays;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers the EMAIL adapter which relay a workspace sends through: its own, with the password opened only here and
 * only in memory, or none (the installation's).
 */
@Component
class WorkspaceRelayLookup implements WorkspaceSmtpRelays {

    private final WorkspaceRelayRepository relays;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;

    WorkspaceRelayLookup(
            WorkspaceRelayRepository relays, SecretCipher cipher, PlatformTransactionManager transactions) {
        this.relays = relays;
        this.cipher = cipher;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    @Override
    public Optional<SmtpRelay> relayOf(TenantId tenant) {
        Optional<WorkspaceRelay> relay =
                TenantContext.callAs(tenant.value(), () -> tx.execute(s -> relays.findByTenantId(tenant)));
        return relay.map(r -> new SmtpRelay(
                r.host(),
                r.port(),
                r.username(),
                r.passwordSealed() == null
                        ? null
                        : cipher.open(r.passwordSealed(), EmailSendingSettings.context(tenant)),
                r.startTls()));
    }
}
