-- Each workspace's AI agents, seeded in the transaction that creates the workspace (AgentRegistry).
CREATE TABLE agents (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    key             text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,62}$'),
    name            text        NOT NULL,
    description     text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('IDLE', 'RUNNING', 'PAUSED', 'BLOCKED')),
    status_reason   text,
    current_task_id uuid,
    last_run_at     timestamptz,
    last_error      text,
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agents_tenant_key ON agents (tenant_id, key);
SELECT mc_enable_tenant_rls('agents');
