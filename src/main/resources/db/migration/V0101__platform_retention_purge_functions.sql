-- Retention: the daily job removes old rows of every workspace. The runtime role sees one workspace at a time
-- (row-level security), so each owning module gets a function that runs as the schema owner and deletes at most
-- max_rows rows older than the cutoff, oldest first. The owner needs its own policies, as row-level security is
-- forced on these tables. The audit log has none: it is append-only and the database refuses to delete from it;
-- an event that an audit entry points to is kept with it.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY retention_read ON events FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY retention_read ON audit_log FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY retention_purge ON events FOR DELETE TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY retention_read ON llm_logs FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY retention_purge ON llm_logs FOR DELETE TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY retention_read ON agent_run_items FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY retention_purge ON agent_run_items FOR DELETE TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY retention_read ON webhook_signatures_seen FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY retention_purge ON webhook_signatures_seen FOR DELETE TO %I USING (true)', current_user);
END
$$;

CREATE INDEX events_created_idx ON events (created_at);
CREATE INDEX audit_log_event_idx ON audit_log (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX agent_run_items_created_idx ON agent_run_items (created_at);
CREATE INDEX llm_logs_created_idx ON llm_logs (created_at);

CREATE FUNCTION activity_purge_events(cutoff timestamptz, max_rows integer) RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH gone AS (
        DELETE FROM public.events WHERE log_position IN (
            SELECT e.log_position FROM public.events e
            WHERE e.created_at < cutoff
              -- an event an audit entry points to stays as long as the audit log does
              AND NOT EXISTS (SELECT 1 FROM public.audit_log a WHERE a.event_id = e.id)
            ORDER BY e.created_at LIMIT max_rows)
        RETURNING 1)
    SELECT count(*)::integer FROM gone
$$;

CREATE FUNCTION ai_purge_llm_logs(cutoff timestamptz, max_rows integer) RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH gone AS (
        DELETE FROM public.llm_logs WHERE id IN (
            SELECT id FROM public.llm_logs WHERE created_at < cutoff ORDER BY created_at LIMIT max_rows)
        RETURNING 1)
    SELECT count(*)::integer FROM gone
$$;

CREATE FUNCTION agents_purge_run_items(cutoff timestamptz, max_rows integer) RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH gone AS (
        DELETE FROM public.agent_run_items WHERE id IN (
            SELECT id FROM public.agent_run_items WHERE created_at < cutoff ORDER BY created_at LIMIT max_rows)
        RETURNING 1)
    SELECT count(*)::integer FROM gone
$$;

CREATE FUNCTION email_purge_webhook_deliveries(cutoff timestamptz, max_rows integer) RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH gone AS (
        DELETE FROM public.webhook_signatures_seen WHERE (tenant_id, signature) IN (
            SELECT tenant_id, signature FROM public.webhook_signatures_seen
            WHERE created_at < cutoff ORDER BY created_at LIMIT max_rows)
        RETURNING 1)
    SELECT count(*)::integer FROM gone
$$;

REVOKE EXECUTE ON FUNCTION activity_purge_events(timestamptz, integer), ai_purge_llm_logs(timestamptz, integer),
    agents_purge_run_items(timestamptz, integer), email_purge_webhook_deliveries(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION activity_purge_events(timestamptz, integer), ai_purge_llm_logs(timestamptz, integer),
    agents_purge_run_items(timestamptz, integer), email_purge_webhook_deliveries(timestamptz, integer)
    TO ${app_role};
