package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.conversations.ConversationTemplates;
import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers the conversations module which synced templates a WhatsApp conversation may send, and how their body
 * reads with the parameters filled in, through {@link WhatsAppTemplates}.
 */
@Component
class WhatsAppConversationTemplates implements ConversationTemplates {

    private final WhatsAppTemplates templates;

    WhatsAppConversationTemplates(WhatsAppTemplates templates) {
        this.templates = templates;
    }

    @Override
    public List<TemplateOption> approved(TenantId tenant) {
        return templates.list(tenant, true).stream()
                .filter(WhatsAppTemplateView::usable)
                .map(t -> new TemplateOption(t.name(), t.language(), t.category(), t.bodyText(), t.bodyParameters()))
                .toList();
    }

    @Override
    public Optional<String> refusal(TenantId tenant, String name, String language, int parameters) {
        return templates.refusal(tenant, name, language, parameters);
    }

    @Override
    public Optional<String> rendered(TenantId tenant, String name, String language, List<String> parameters) {
        return templates.list(tenant, false).stream()
                .filter(t -> t.name().equals(name) && t.language().equals(language))
                .findFirst()
                .map(t -> WhatsAppTemplates.render(t.bodyText(), parameters));
    }
}
