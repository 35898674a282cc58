-- One run of an agent: what started it, every attempt, what it did and what it cost. DEAD runs are the dead letters.
CREATE TABLE agent_runs (
    id               uuid        NOT NULL PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    agent_key        text        NOT NULL,
    trigger          text        NOT NULL CHECK (trigger IN ('JOB', 'EVENT', 'MANUAL')),
    job_run_id       uuid,
    status           text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD')),
    attempts         integer     NOT NULL DEFAULT 0,
    max_attempts     integer     NOT NULL CHECK (max_attempts >= 1),
    next_attempt_at  timestamptz,
    requested_by     jsonb       NOT NULL,
    input            jsonb       NOT NULL DEFAULT '{}',
    output           jsonb       NOT NULL DEFAULT '{}',
    error            jsonb,
    input_tokens     bigint      NOT NULL DEFAULT 0,
    output_tokens    bigint      NOT NULL DEFAULT 0,
    llm_calls        integer     NOT NULL DEFAULT 0,
    escalated        integer     NOT NULL DEFAULT 0,
    override_outcome text CHECK (override_outcome IN ('SUCCEEDED', 'FAILED')),
    override_notes   text,
    override_by      text,
    override_at      timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    duration_ms      bigint,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agent_runs_tenant_id_key ON agent_runs (tenant_id, id);
CREATE INDEX agent_runs_tenant_created_idx ON agent_runs (tenant_id, created_at DESC);
CREATE INDEX agent_runs_tenant_agent_idx ON agent_runs (tenant_id, agent_key, created_at DESC);
CREATE INDEX agent_runs_tenant_status_idx ON agent_runs (tenant_id, status);
SELECT mc_enable_tenant_rls('agent_runs');

-- What a run did with each item (a lead, a campaign, a brief): done, skipped by a pre-check, or failed, and why.
CREATE TABLE agent_run_items (
    id         uuid        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    run_id     uuid        NOT NULL,
    attempt    integer     NOT NULL,
    item_type  text        NOT NULL,
    item_id    text,
    label      text,
    outcome    text        NOT NULL CHECK (outcome IN ('DONE', 'SKIPPED', 'FAILED')),
    message    text,
    draft_id   uuid,
    flagged    boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, run_id) REFERENCES agent_runs (tenant_id, id)
);
CREATE INDEX agent_run_items_run_idx ON agent_run_items (tenant_id, run_id, created_at);
SELECT mc_enable_tenant_rls('agent_run_items');

-- The daily brief: three wins, three blockers, three next moves, the figures they came from and the phrased text.
CREATE TABLE briefs (
    id         uuid        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    run_id     uuid,
    period_start timestamptz NOT NULL,
    period_end timestamptz NOT NULL,
    wins       jsonb       NOT NULL,
    blockers   jsonb       NOT NULL,
    next_moves jsonb       NOT NULL,
    figures    jsonb       NOT NULL,
    text       text        NOT NULL,
    model      text        NOT NULL,
    delivered_to jsonb     NOT NULL DEFAULT '[]',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX briefs_tenant_created_idx ON briefs (tenant_id, created_at DESC);
SELECT mc_enable_tenant_rls('briefs');

-- What admins allow the agents: action types that may be approved without a person (none by default) and where the
-- daily brief is delivered.
CREATE TABLE agent_settings (
    tenant_id     uuid        NOT NULL PRIMARY KEY REFERENCES tenants (id),
    auto_approve  jsonb       NOT NULL DEFAULT '[]',
    brief_channel text CHECK (brief_channel IN ('EMAIL', 'WHATSAPP', 'SMS')),
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('agent_settings');
