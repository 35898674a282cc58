package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;

/**
 * Another module's say on whether a queued email may still go, asked before every attempt while the email's row is
 * locked (so a module recording a refusal in a committed transaction is never overtaken by an attempt that started
 * later). Implementations answer quickly from the database, never call a provider, and return the reason to block.
 */
public interface EmailSendVeto {

    /** The reason this email must not be sent, or empty to let it go. */
    Optional<String> refusal(TenantId tenant, EmailView email);
}
