CREATE TABLE campaigns (
    id            uuid        NOT NULL PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description   text,
    objective     text,
    channels      jsonb       NOT NULL DEFAULT '[]',
    status        text        NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'ARCHIVED')),
    start_date    date,
    end_date      date,
    timezone      text        NOT NULL,
    criteria      jsonb       NOT NULL DEFAULT '{}',
    persona       jsonb       NOT NULL,
    system_prompt text        NOT NULL,
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
-- names are unique within a workspace; (tenant_id, id) lets other tables reference a campaign of their own workspace
CREATE UNIQUE INDEX campaigns_tenant_name_key ON campaigns (tenant_id, lower(name));
CREATE UNIQUE INDEX campaigns_tenant_id_key ON campaigns (tenant_id, id);
CREATE INDEX campaigns_tenant_status_idx ON campaigns (tenant_id, status, created_at DESC);
SELECT mc_enable_tenant_rls('campaigns');
