-- Live delivery reads a workspace's newly numbered events (after the last one a node delivered) after every
-- numbering pass. In a read-only transaction that was three round trips (bind the workspace, read, commit); this
-- function is one, without a transaction of its own. Runs as the caller, so row-level security applies;
-- app.tenant_id is bound to the workspace while it reads and put back after.
CREATE FUNCTION activity_events_after(p_tenant uuid, p_after bigint, p_limit integer) RETURNS SETOF events
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    previous text := current_setting('app.tenant_id', true);
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant::text, true);
    RETURN QUERY
        SELECT * FROM public.events e
        WHERE e.tenant_id = p_tenant AND e.seq > p_after
        ORDER BY e.seq
        LIMIT p_limit;
    PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
END
$$;

REVOKE EXECUTE ON FUNCTION activity_events_after(uuid, bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION activity_events_after(uuid, bigint, integer) TO ${app_role};
