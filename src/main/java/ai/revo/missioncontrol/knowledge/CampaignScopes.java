package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which sources a campaign draws on: its own always, the workspace-wide ones (every one by default, or only those
 * attached), and other campaigns' sources it attached. The caller has checked that the campaign is in the workspace.
 */
@Service
class CampaignScopes {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CampaignScopes(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public SearchScope of(TenantId tenant, UUID campaignId) {
        return new SearchScope(campaignId, every(tenant, campaignId), new HashSet<>(attached(tenant, campaignId)));
    }

    @Transactional(readOnly = true)
    public CampaignKnowledgeView view(TenantId tenant, UUID campaignId) {
        boolean every = every(tenant, campaignId);
        List<UUID> attached = attached(tenant, campaignId);
        List<UUID> used = jdbc.sql("select s.id from knowledge_sources s where s.tenant_id = ? and (s.campaign_id = ? "
                        + "or (s.campaign_id is null and ?) or exists (select 1 from knowledge_campaign_sources a "
                        + "where a.tenant_id = s.tenant_id and a.campaign_id = ? and a.source_id = s.id)) "
                        + "order by s.created_at, s.id")
                .params(tenant.value(), campaignId, every, campaignId)
                .query(UUID.class)
                .list();
        return new CampaignKnowledgeView(campaignId, every, attached, used);
    }

    /**
     * Replaces the campaign's choice. 400 naming {@code attachedSourceIds} for a source not in this workspace or one
     * the campaign owns (it always uses those).
     */
    @Transactional
    public CampaignKnowledgeView select(
            TenantId tenant, UUID campaignId, boolean everyWorkspaceSource, List<UUID> attachedSourceIds, Actor actor) {
        Set<UUID> wanted = new LinkedHashSet<>(attachedSourceIds == null ? List.of() : attachedSourceIds);
        if (wanted.contains(null)) {
            throw ApiException.invalidField("attachedSourceIds", "must not contain null");
        }
        if (!wanted.isEmpty()) {
            Map<UUID, UUID> owners = new java.util.HashMap<>();
            jdbc.sql("select id, campaign_id from knowledge_sources where tenant_id = ? and id = any(?)")
                    .params(tenant.value(), wanted.toArray(new UUID[0]))
                    .query(rs -> {
                        owners.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    });
            for (UUID id : wanted) {
                if (!owners.containsKey(id)) {
                    throw ApiException.invalidField(
                            "attachedSourceIds", "names " + id + ", no source of this workspace");
                }
                if (campaignId.equals(owners.get(id))) {
                    throw ApiException.invalidField(
                            "attachedSourceIds", "names " + id + ", this campaign's own source (always used)");
                }
            }
        }
        jdbc.sql("insert into knowledge_campaign_scopes (tenant_id, campaign_id, every_workspace_source) "
                        + "values (?, ?, ?) on conflict (tenant_id, campaign_id) do update set "
                        + "every_workspace_source = excluded.every_workspace_source, updated_at = now()")
                .params(tenant.value(), campaignId, everyWorkspaceSource)
                .update();
        jdbc.sql("delete from knowledge_campaign_sources where tenant_id = ? and campaign_id = ? "
                        + "and not (source_id = any(?))")
                .params(tenant.value(), campaignId, wanted.toArray(new UUID[0]))
                .update();
        for (UUID id : wanted) {
            jdbc.sql("insert into knowledge_campaign_sources (tenant_id, campaign_id, source_id) values (?, ?, ?) "
                            + "on conflict do nothing")
                    .params(tenant.value(), campaignId, id)
                    .update();
        }
        events.publishEvent(new CampaignKnowledgeSelected(
                tenant.value(), campaignId, everyWorkspaceSource, List.copyOf(wanted), actor));
        return view(tenant, campaignId);
    }

    private boolean every(TenantId tenant, UUID campaignId) {
        return jdbc.sql("select every_workspace_source from knowledge_campaign_scopes where tenant_id = ? "
                        + "and campaign_id = ?")
                .params(tenant.value(), campaignId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    private List<UUID> attached(TenantId tenant, UUID campaignId) {
        return jdbc.sql("select source_id from knowledge_campaign_sources where tenant_id = ? and campaign_id = ? "
                        + "order by created_at, source_id")
                .params(tenant.value(), campaignId)
                .query(UUID.class)
                .list();
    }
}
