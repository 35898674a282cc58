-- Two runs of the same agent in the same workspace never overlap: at most one RUNNING row per agent and workspace.
-- Rows left RUNNING side by side by an older version keep only the newest RUNNING; the others become FAILED with
-- the reason, so a person can retry them.
ALTER TABLE agent_runs NO FORCE ROW LEVEL SECURITY;
UPDATE agent_runs r
SET status     = 'FAILED',
    error      = jsonb_build_object('message', 'Overlapped another run of the same agent; stopped when runs of one '
                                        || 'agent became exclusive', 'kind', 'OVERLAP', 'retryable', true),
    updated_at = now()
WHERE r.status = 'RUNNING'
  AND EXISTS (SELECT 1 FROM agent_runs o
              WHERE o.tenant_id = r.tenant_id AND o.agent_key = r.agent_key AND o.status = 'RUNNING'
                AND (o.updated_at, o.id) > (r.updated_at, r.id));
ALTER TABLE agent_runs FORCE ROW LEVEL SECURITY;
CREATE UNIQUE INDEX agent_runs_one_running ON agent_runs (tenant_id, agent_key) WHERE status = 'RUNNING';
