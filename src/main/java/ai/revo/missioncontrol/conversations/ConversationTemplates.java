package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The approved message templates a WhatsApp conversation may send outside the 24-hour customer-care window, answered
 * by the module that syncs them (the whatsapp module implements it through its templates facade; this module never
 * reads its tables). Absent when no module answers: then no template can be sent.
 */
public interface ConversationTemplates {

    /** The workspace's templates that can be sent now (APPROVED, no header parameters), by name and language. */
    List<TemplateOption> approved(TenantId tenant);

    /**
     * Why this template may not go with {@code parameters} body parameters (not synced, not APPROVED, another
     * number of placeholders); empty when it may.
     */
    Optional<String> refusal(TenantId tenant, String name, String language, int parameters);

    /** The template's body with {@code parameters} in its placeholders; empty when the template is unknown. */
    Optional<String> rendered(TenantId tenant, String name, String language, List<String> parameters);

    /** A template that can be picked: its name, language, category, body text and how many parameters it takes. */
    record TemplateOption(String name, String language, String category, String bodyText, int parameters) {}
}
