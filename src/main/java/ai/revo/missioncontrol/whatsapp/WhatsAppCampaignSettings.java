package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's WhatsApp settings: the re-engagement template that replaces free text outside the 24-hour window
 * (none by default: such text is refused). Callers check the role (ADMIN changes).
 */
@Service
public class WhatsAppCampaignSettings {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final CampaignManagement campaigns;
    private final WhatsAppTemplates templates;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    WhatsAppCampaignSettings(
            JdbcClient jdbc,
            CampaignManagement campaigns,
            WhatsAppTemplates templates,
            ObjectMapper json,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.templates = templates;
        this.json = json;
        this.events = events;
    }

    /** A template to send: its name, language and the body's parameters in order. */
    public record TemplateRef(String name, String language, List<String> parameters) {
        public TemplateRef {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }
    }

    /** {@code reengagementTemplate} null: the campaign has none. */
    public record View(UUID campaignId, TemplateRef reengagementTemplate) {}

    /** The campaign's settings. 404 for a campaign of another workspace or none. */
    @Transactional(readOnly = true)
    public View get(TenantId tenant, UUID campaignId) {
        campaigns.get(tenant, campaignId);
        return new View(campaignId, read(tenant, campaignId).orElse(null));
    }

    /**
     * Sets the re-engagement template (null removes it). 400 when the template is not synced as APPROVED or the
     * parameters do not match its placeholders; 404 unknown campaign. Audited as
     * {@code whatsapp.campaign_settings_changed}.
     */
    @Transactional
    public View change(TenantId tenant, UUID campaignId, TemplateRef template, Actor actor) {
        campaigns.get(tenant, campaignId);
        if (template != null) {
            if (template.name() == null || template.name().isBlank()) {
                throw ApiException.invalidField("reengagementTemplate.name", "is required");
            }
            if (template.language() == null || template.language().isBlank()) {
                throw ApiException.invalidField("reengagementTemplate.language", "is required");
            }
            if (template.parameters().stream().anyMatch(p -> p == null || p.isBlank() || p.length() > 1024)) {
                throw ApiException.invalidField("reengagementTemplate.parameters", "must be 1 to 1024 characters each");
            }
            templates
                    .refusal(
                            tenant,
                            template.name().trim(),
                            template.language().trim(),
                            template.parameters().size())
                    .ifPresent(reason -> {
                        throw ApiException.invalidField("reengagementTemplate", reason);
                    });
            template =
                    new TemplateRef(template.name().trim(), template.language().trim(), template.parameters());
        }
        View before = new View(campaignId, read(tenant, campaignId).orElse(null));
        jdbc.sql("""
                insert into whatsapp_campaign_settings (tenant_id, campaign_id, reengagement_template,
                    reengagement_language, reengagement_parameters)
                values (?, ?, ?, ?, cast(? as jsonb))
                on conflict (tenant_id, campaign_id) do update set
                    reengagement_template = excluded.reengagement_template,
                    reengagement_language = excluded.reengagement_language,
                    reengagement_parameters = excluded.reengagement_parameters,
                    version = whatsapp_campaign_settings.version + 1, updated_at = now()""")
                .params(
                        tenant.value(),
                        campaignId,
                        template == null ? null : template.name(),
                        template == null ? null : template.language(),
                        toJson(template == null ? List.of() : template.parameters()))
                .update();
        View after = new View(campaignId, template);
        if (!before.equals(after)) {
            events.publishEvent(new WhatsAppCampaignSettingsChanged(tenant.value(), campaignId, before, after, actor));
        }
        return after;
    }

    /** The campaign's re-engagement template as the adapter sends it; empty when it has none. */
    @Transactional(readOnly = true)
    public Optional<OutboundMessage.WhatsAppParts> reengagementTemplate(TenantId tenant, UUID campaignId) {
        return read(tenant, campaignId)
                .map(t -> new OutboundMessage.WhatsAppParts(t.name(), t.language(), t.parameters()));
    }

    private Optional<TemplateRef> read(TenantId tenant, UUID campaignId) {
        return jdbc.sql("""
                        select reengagement_template, reengagement_language, reengagement_parameters::text
                        from whatsapp_campaign_settings
                        where tenant_id = ? and campaign_id = ? and reengagement_template is not null""")
                .params(tenant.value(), campaignId)
                .query((rs, n) -> new TemplateRef(rs.getString(1), rs.getString(2), fromJson(rs.getString(3))))
                .optional();
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> fromJson(String value) {
        try {
            return value == null ? List.of() : json.readValue(value, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
