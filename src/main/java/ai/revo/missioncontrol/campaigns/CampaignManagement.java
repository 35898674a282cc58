package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SortOrder;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns of a workspace: create, change, move through their lifecycle, and preview a persona's prompt. */
@Service
public class CampaignManagement {

    public static final Set<String> SORTABLE = Set.of("name", "status", "createdAt", "updatedAt", "startDate");

    private final CampaignRepository campaigns;
    private final UserManagement workspaces;
    private final Clock clock;

    CampaignManagement(CampaignRepository campaigns, UserManagement workspaces, Clock clock) {
        this.campaigns = campaigns;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** Creates a DRAFT campaign in the workspace's time zone unless one is given; 409 when the name is taken. */
    @Transactional
    public CampaignView create(TenantId tenant, CampaignDraft draft, Actor actor) {
        Campaign campaign =
                Campaign.create(tenant, draft, workspaces.workspace(tenant).timeZone(), actor, clock.instant());
        requireFreeName(tenant, campaign.view().name(), campaign.view().id());
        return campaigns.save(campaign).view();
    }

    @Transactional
    public CampaignView change(TenantId tenant, UUID id, CampaignDraft draft, Actor actor) {
        Campaign campaign = load(tenant, id);
        campaign.change(draft, actor, clock.instant());
        requireFreeName(tenant, campaign.view().name(), id);
        return campaigns.save(campaign).view();
    }

    /** Moves a campaign to another status; 409 with the allowed statuses when the move is not allowed. */
    @Transactional
    public CampaignView moveTo(TenantId tenant, UUID id, CampaignStatus target, Actor actor) {
        if (target == null) {
            throw ApiException.invalidField("status", "is required");
        }
        Campaign campaign = load(tenant, id);
        campaign.moveTo(target, actor, clock.instant());
        return campaigns.save(campaign).view();
    }

    /**
     * Activates a DRAFT campaign because its first message was queued; a campaign past DRAFT stays as it is (no
     * event). Idempotent under concurrency: the campaign's row is locked first, so of several first messages queued
     * at once exactly one activates it and the others see it ACTIVE, instead of failing on the optimistic lock and
     * taking their queued message down with them. Returns whether this call activated it.
     */
    @Transactional
    public boolean activateOnFirstMessage(TenantId tenant, UUID id, Actor actor) {
        Campaign campaign =
                campaigns.lockByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Campaign", id));
        if (campaign.view().status() != CampaignStatus.DRAFT) {
            return false;
        }
        campaign.moveTo(CampaignStatus.ACTIVE, actor, clock.instant());
        campaigns.save(campaign);
        return true;
    }

    /**
     * Moves every ACTIVE or PAUSED campaign of the workspace whose end date has passed in its own time zone to
     * COMPLETED (as the system); answers how many.
     */
    @Transactional
    public int completeEnded(TenantId tenant) {
        java.time.Instant now = clock.instant();
        int completed = 0;
        // two days ahead of UTC's date covers every time zone; the aggregate decides in its own
        for (Campaign c : campaigns.findRunningEndingBefore(
                tenant,
                java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(2))) {
            if (c.completeIfEnded(now)) {
                campaigns.save(c);
                completed++;
            }
        }
        return completed;
    }

    /** Returns the campaign, or 404 when there is no such campaign in this workspace. */
    @Transactional(readOnly = true)
    public CampaignView get(TenantId tenant, UUID id) {
        return load(tenant, id).view();
    }

    @Transactional(readOnly = true)
    public PageResult<CampaignView> list(TenantId tenant, CampaignStatus status, PageQuery page, SortOrder sort) {
        PageRequest request = PageRequest.of(
                page.page() - 1,
                page.limit(),
                Sort.by(sort.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC, sort.field())
                        .and(Sort.by("id")));
        var rows = status == null
                ? campaigns.findByTenantId(tenant, request)
                : campaigns.findByTenantIdAndStatus(tenant, status, request);
        long total =
                status == null ? campaigns.countByTenantId(tenant) : campaigns.countByTenantIdAndStatus(tenant, status);
        return PageResult.of(rows.stream().map(Campaign::view).toList(), page, total);
    }

    /** The system prompt a persona would produce; writes nothing. */
    public String previewPrompt(Persona persona, String campaignName, String objective) {
        return SystemPrompt.of(persona == null ? Persona.defaults() : persona, campaignName, objective);
    }

    private void requireFreeName(TenantId tenant, String name, UUID id) {
        if (campaigns.nameTaken(tenant, name, id)) {
            throw ApiException.conflict("A campaign named \"" + name + "\" already exists");
        }
    }

    private Campaign load(TenantId tenant, UUID id) {
        return campaigns.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Campaign", id));
    }
}
