-- One numbering pass of a workspace's events (see V0070 and EventSequencer) as one statement: the pass's advisory
-- lock, the numbering and the answer (highest number given, whether committed events still wait behind an open
-- transaction) in a single round trip and a single short transaction, instead of a transaction of four. Runs as the
-- caller, so row-level security applies; app.tenant_id is bound to the workspace while it works and put back after.
CREATE FUNCTION activity_number_events(p_tenant uuid) RETURNS TABLE (top bigint, waiting boolean)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    previous text := current_setting('app.tenant_id', true);
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant::text, true);
    -- one pass per workspace at a time, cluster-wide; held until this statement's transaction ends
    PERFORM pg_advisory_xact_lock(7302, hashtext(p_tenant::text));
    -- a new statement, so a new snapshot: it sees what the pass that held the lock before us numbered
    RETURN QUERY
        WITH horizon AS (
            SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin
        ), ready AS (
            SELECT e.log_position, row_number() OVER (ORDER BY e.tx, e.log_position) AS n
            FROM public.events e, horizon
            WHERE e.tenant_id = p_tenant AND e.seq IS NULL AND e.tx < horizon.xmin
        ), base AS (
            SELECT coalesce(max(e.seq), 0) AS top FROM public.events e WHERE e.tenant_id = p_tenant AND e.seq IS NOT NULL
        ), numbered AS (
            UPDATE public.events e SET seq = base.top + ready.n, updated_at = now()
            FROM ready, base
            WHERE e.log_position = ready.log_position
            RETURNING e.seq
        )
        SELECT (SELECT max(numbered.seq) FROM numbered),
               EXISTS (SELECT 1 FROM public.events e, horizon
                       WHERE e.tenant_id = p_tenant AND e.seq IS NULL AND e.tx >= horizon.xmin);
    PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
END
$$;

REVOKE EXECUTE ON FUNCTION activity_number_events(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION activity_number_events(uuid) TO ${app_role};
