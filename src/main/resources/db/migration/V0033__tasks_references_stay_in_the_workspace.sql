-- A task may only point at its own workspace's draft, lead and campaign: the foreign keys include the tenant, so a
-- reference to another workspace's record is refused by the database itself (answered 404 like everywhere else).
-- NOT VALID: rows written before are not re-checked; every new and changed row is.
ALTER TABLE tasks ADD CONSTRAINT tasks_draft_in_workspace_fk
    FOREIGN KEY (tenant_id, draft_id) REFERENCES drafts (tenant_id, id) NOT VALID;
ALTER TABLE tasks ADD CONSTRAINT tasks_lead_in_workspace_fk
    FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) NOT VALID;
ALTER TABLE tasks ADD CONSTRAINT tasks_campaign_in_workspace_fk
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) NOT VALID;
