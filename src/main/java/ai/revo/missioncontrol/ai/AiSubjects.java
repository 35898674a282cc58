package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * What the AI helpers may work on, provided by the module that owns drafts and leads (the ai module knows neither).
 * Implementations answer empty when the workspace has no such draft or lead.
 */
public interface AiSubjects {

    /** A draft's text, subject and the variables of its lead and campaign ({@code lead.firstName} ...). */
    Optional<AiSubject> draft(TenantId tenant, UUID draftId);

    /** A lead's variables ({@code lead.firstName}, {@code lead.company} ...); text and subject may be null. */
    Optional<AiSubject> lead(TenantId tenant, UUID leadId);
}
