-- Each workspace's cron jobs. The cluster scheduler (db-scheduler, V0012) holds one task instance per enabled job
-- whose execution time is the job's next fire time; this table is the truth it is reconciled against.
CREATE TABLE scheduler_jobs (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    key         text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,62}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    cron        text        NOT NULL,
    time_zone   text        NOT NULL DEFAULT 'America/Toronto',
    enabled     boolean     NOT NULL DEFAULT true,
    agent       text        NOT NULL,
    parameters  jsonb       NOT NULL DEFAULT '{}',
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX scheduler_jobs_tenant_key ON scheduler_jobs (tenant_id, key);
CREATE UNIQUE INDEX scheduler_jobs_tenant_id_key ON scheduler_jobs (tenant_id, id);

-- The five default jobs for the workspaces that exist before this migration (new ones get them when created).
-- tenants has forced row-level security: a policy for the migration's own role, dropped again right away, lets
-- this statement see them when that role is not a superuser.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY scheduling_seed ON tenants FOR SELECT TO %I USING (true)', current_user);
END
$$;
INSERT INTO scheduler_jobs (id, tenant_id, key, name, cron, time_zone, enabled, agent)
SELECT gen_random_uuid(), t.id, d.key, d.name, d.cron, 'America/Toronto', true, d.agent
FROM tenants t
CROSS JOIN (VALUES
    ('lead_research', 'Lead research', '0 9 * * *', 'lead_researcher'),
    ('enrichment_scoring', 'Enrichment and scoring', '30 9 * * *', 'enrichment_scorer'),
    ('outreach_drafting_qa', 'Outreach drafting and QA', '30 10 * * *', 'outreach_drafter'),
    ('content_research_creation_qa', 'Content research, creation and QA', '0 12 * * *', 'content_creator'),
    ('daily_brief', 'Daily brief', '30 16 * * *', 'daily_briefer')
) AS d (key, name, cron, agent)
ON CONFLICT (tenant_id, key) DO NOTHING;
DROP POLICY scheduling_seed ON tenants;

SELECT mc_enable_tenant_rls('scheduler_jobs');

-- Every run of a job: why it ran, when, how it ended and what it did. QUEUED is a run-now waiting for a node.
CREATE TABLE scheduler_runs (
    id            uuid        NOT NULL PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    job_id        uuid        NOT NULL,
    trigger       text        NOT NULL CHECK (trigger IN ('SCHEDULED', 'MANUAL', 'CATCH_UP')),
    status        text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'SKIPPED')),
    scheduled_for timestamptz,
    started_at    timestamptz,
    finished_at   timestamptz,
    counts        jsonb       NOT NULL DEFAULT '{}',
    reason        text,
    error         text,
    agent_run_id  uuid,
    actor_type    text        NOT NULL CHECK (actor_type IN ('USER', 'AGENT', 'SYSTEM')),
    actor_id      text,
    actor_name    text,
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, job_id) REFERENCES scheduler_jobs (tenant_id, id)
);
CREATE INDEX scheduler_runs_tenant_created ON scheduler_runs (tenant_id, created_at DESC);
CREATE INDEX scheduler_runs_job_created ON scheduler_runs (tenant_id, job_id, created_at DESC);
CREATE INDEX scheduler_runs_running ON scheduler_runs (status, started_at) WHERE status = 'RUNNING';
SELECT mc_enable_tenant_rls('scheduler_runs');

-- At start-up each node reconciles every workspace's jobs with the cluster scheduler. This answers only which
-- workspaces have jobs; the reconciliation itself then runs per workspace under row-level security.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON scheduler_jobs FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION scheduling_tenants_with_jobs() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT DISTINCT tenant_id FROM public.scheduler_jobs
$$;

REVOKE EXECUTE ON FUNCTION scheduling_tenants_with_jobs() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION scheduling_tenants_with_jobs() TO ${app_role};
