-- Events are numbered per workspace (1, 2, 3, ... in each), so a workspace's numbers reveal nothing of the others'
-- activity, and writers no longer queue behind one another. A writer stores its event with its transaction id
-- (tx) and no number; the number is assigned afterwards, in (tx, log_position) order, only to events whose
-- transaction is below the visibility horizon (every transaction with a smaller id has ended). A later event can
-- therefore never receive a smaller number than one a reader has already seen: resuming after seq N misses nothing.
ALTER TABLE events RENAME COLUMN seq TO log_position;
ALTER TABLE events ADD COLUMN tx xid8;
ALTER TABLE events ADD COLUMN seq bigint;

UPDATE events e SET tx = '1'::xid8, seq = numbered.n
FROM (SELECT log_position, row_number() OVER (PARTITION BY tenant_id ORDER BY log_position) AS n FROM events) numbered
WHERE e.log_position = numbered.log_position;

ALTER TABLE events ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
ALTER TABLE events ALTER COLUMN tx SET NOT NULL;

DROP INDEX events_tenant_seq_idx;
DROP INDEX events_tenant_entity_idx;
DROP INDEX events_tenant_campaign_idx;
DROP INDEX events_tenant_task_idx;
DROP INDEX events_tenant_type_idx;
CREATE UNIQUE INDEX events_tenant_seq_idx ON events (tenant_id, seq DESC);
CREATE INDEX events_tenant_entity_idx ON events (tenant_id, entity_type, entity_id, seq DESC);
CREATE INDEX events_tenant_campaign_idx ON events (tenant_id, campaign_id, seq DESC) WHERE campaign_id IS NOT NULL;
CREATE INDEX events_tenant_task_idx ON events (tenant_id, task_id, seq DESC) WHERE task_id IS NOT NULL;
CREATE INDEX events_tenant_type_idx ON events (tenant_id, type text_pattern_ops, seq DESC);
-- the sequencer's work list: small, because events are numbered within milliseconds of their commit
CREATE INDEX events_unnumbered_idx ON events (tenant_id, tx, log_position) WHERE seq IS NULL;

-- The workspaces that have committed events still waiting for their number (a node that stopped between a commit
-- and numbering it); the periodic sweep numbers them. Bypasses row-level security to list workspaces only.
CREATE FUNCTION activity_workspaces_with_unnumbered_events() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT DISTINCT tenant_id FROM public.events WHERE seq IS NULL
$$;

REVOKE EXECUTE ON FUNCTION activity_workspaces_with_unnumbered_events() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION activity_workspaces_with_unnumbered_events() TO ${app_role};
