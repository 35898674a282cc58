-- Which knowledge a campaign's writers draw on: the campaign's own sources always; the workspace-wide sources all
-- (every_workspace_source, the default and the behaviour before this table) or only those attached; and any source
-- of another campaign that is attached. A campaign without a row uses its own and every workspace-wide source.
CREATE TABLE knowledge_campaign_scopes (
    tenant_id              uuid        NOT NULL REFERENCES tenants (id),
    campaign_id            uuid        NOT NULL,
    every_workspace_source boolean     NOT NULL DEFAULT true,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, campaign_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
SELECT mc_enable_tenant_rls('knowledge_campaign_scopes');

-- A source a campaign uses although it does not own it (a workspace-wide one, or another campaign's). Removed with
-- the source or the campaign.
CREATE TABLE knowledge_campaign_sources (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    campaign_id uuid        NOT NULL,
    source_id   uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, campaign_id, source_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, source_id) REFERENCES knowledge_sources (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX knowledge_campaign_sources_source_idx ON knowledge_campaign_sources (tenant_id, source_id);
SELECT mc_enable_tenant_rls('knowledge_campaign_sources');
