-- The sequential pipeline (research, scoring, outreach drafting, the daily brief): one run per start, its steps in
-- order, each step one agent run whose failure is recorded and does not stop the steps after it.
CREATE TABLE pipeline_runs (
    id           uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    status       text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by jsonb       NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX pipeline_runs_tenant_id_key ON pipeline_runs (tenant_id, id);
CREATE INDEX pipeline_runs_tenant_created_idx ON pipeline_runs (tenant_id, created_at DESC);
-- one unfinished pipeline run per workspace: a second start while one is QUEUED or RUNNING is refused
CREATE UNIQUE INDEX pipeline_runs_one_unfinished ON pipeline_runs (tenant_id) WHERE status IN ('QUEUED', 'RUNNING');
SELECT mc_enable_tenant_rls('pipeline_runs');

CREATE TABLE pipeline_run_steps (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    pipeline_run_id uuid        NOT NULL,
    position        integer     NOT NULL,
    agent_key       text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    agent_run_id    uuid,
    reason          text,
    output          jsonb       NOT NULL DEFAULT '{}',
    started_at      timestamptz,
    finished_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, pipeline_run_id) REFERENCES pipeline_runs (tenant_id, id),
    FOREIGN KEY (tenant_id, agent_run_id) REFERENCES agent_runs (tenant_id, id),
    UNIQUE (tenant_id, pipeline_run_id, position)
);
SELECT mc_enable_tenant_rls('pipeline_run_steps');
