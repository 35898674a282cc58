package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.sites.SiteView;
import ai.revo.missioncontrol.sites.Sites;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A site's voice settings, with the defaults a site has before an admin sets them (no assistant, no tools). */
@Component
class VoiceSettings {

    /** The tools this module can answer. */
    static final Set<String> TOOLS = Set.of("lookup_contact", "book_callback");

    private final CallStore store;
    private final Sites sites;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String unavailable;

    VoiceSettings(
            CallStore store,
            Sites sites,
            ApplicationEventPublisher events,
            Clock clock,
            @Value(
                            "${mc.voice.unavailable-message:Sorry, we cannot take your call right now. Please call again later.}")
                    String unavailable) {
        this.store = store;
        this.sites = sites;
        this.events = events;
        this.clock = clock;
        this.unavailable = unavailable;
    }

    static String endpoint(String siteKey) {
        return "/api/v1/webhooks/voice/vapi/" + siteKey;
    }

    /** For the webhook (tenant bound, site known to exist): the stored settings or the defaults. */
    @Transactional(readOnly = true)
    VoiceSettingsView of(TenantId tenant, UUID siteId) {
        return withDefault(store.settings(tenant, siteId, null).orElse(null), siteId, null);
    }

    /** 404 when the site is not in this workspace. */
    @Transactional(readOnly = true)
    VoiceSettingsView get(TenantId tenant, UUID siteId) {
        SiteView site = sites.get(tenant, siteId);
        String endpoint = endpoint(site.siteKey());
        return withDefault(store.settings(tenant, siteId, endpoint).orElse(null), siteId, endpoint);
    }

    /** 404 for a site not in this workspace; 400 naming the field for an unknown tool or an over-long value. */
    @Transactional
    VoiceSettingsView change(TenantId tenant, UUID siteId, VoiceSettingsView.Change change, Actor actor) {
        if (change == null) {
            throw ApiException.invalidField("settings", "is required");
        }
        VoiceSettingsView now = get(tenant, siteId);
        String assistantId = change.assistantId() == null ? now.assistantId() : blankToNull(change.assistantId());
        if (assistantId != null
                && (assistantId.length() > 200 || assistantId.chars().anyMatch(Character::isISOControl))) {
            throw ApiException.invalidField("assistantId", "must be at most 200 characters");
        }
        List<String> tools = change.tools() == null ? now.tools() : new ArrayList<>(change.tools());
        for (String tool : tools) {
            if (tool == null || !TOOLS.contains(tool)) {
                throw ApiException.invalidField(
                        "tools",
                        "must be among "
                                + String.join(", ", TOOLS.stream().sorted().toList()));
            }
        }
        tools = tools.stream().distinct().toList();
        String message = change.unavailableMessage() == null
                ? storedMessage(tenant, siteId)
                : blankToNull(change.unavailableMessage());
        if (message != null && message.length() > 500) {
            throw ApiException.invalidField("unavailableMessage", "must be at most 500 characters");
        }
        store.saveSettings(tenant, siteId, assistantId, tools, message, clock.instant());
        events.publishEvent(new VoiceSettingsChanged(tenant.value(), siteId, assistantId, tools, actor));
        return get(tenant, siteId);
    }

    private String storedMessage(TenantId tenant, UUID siteId) {
        return store.settings(tenant, siteId, null)
                .map(VoiceSettingsView::unavailableMessage)
                .orElse(null);
    }

    private VoiceSettingsView withDefault(VoiceSettingsView stored, UUID siteId, String endpoint) {
        if (stored == null) {
            return new VoiceSettingsView(siteId, endpoint, null, List.of(), unavailable);
        }
        return new VoiceSettingsView(
                siteId,
                endpoint,
                stored.assistantId(),
                stored.tools(),
                stored.unavailableMessage() == null ? unavailable : stored.unavailableMessage());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
