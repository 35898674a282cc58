package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's call log and its sites' voice settings, as clients and pages read and change them. */
@Service
public class Calls {

    private final CallStore store;
    private final VoiceSettings settings;

    Calls(CallStore store, VoiceSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** The calls, newest first, optionally of one site or one contact; transcripts left out. */
    @Transactional(readOnly = true)
    public PageResult<CallView> list(TenantId tenant, UUID siteId, UUID contactId, PageQuery page) {
        return PageResult.of(store.list(tenant, siteId, contactId, page), page, store.count(tenant, siteId, contactId));
    }

    /** One call with its transcript; 404 when it is not in this workspace. */
    @Transactional(readOnly = true)
    public CallView get(TenantId tenant, UUID id) {
        return store.get(tenant, id).orElseThrow(() -> ApiException.notFound("Call", id));
    }

    /** A site's voice settings (the defaults until set); 404 when the site is not in this workspace. */
    public VoiceSettingsView settings(TenantId tenant, UUID siteId) {
        return settings.get(tenant, siteId);
    }

    /** Changes a site's voice settings; 404 for a site not here, 400 naming a bad field. */
    public VoiceSettingsView changeSettings(
            TenantId tenant, UUID siteId, VoiceSettingsView.Change change, Actor actor) {
        return settings.change(tenant, siteId, change, actor);
    }
}
