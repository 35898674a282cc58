-- Retention of the outbound webhook delivery log: the daily retention job removes finished deliveries (DELIVERED or
-- FAILED) older than MC_WEBHOOK_DELIVERY_RETENTION_DAYS across workspaces, at most max_rows per call, oldest first.
-- A PENDING or RETRYING delivery is never removed: it holds its subscription's place in the event feed. Like the
-- other purge functions (V0101) it runs as the schema owner, which needs its own policies as RLS is forced.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY retention_read ON webhook_deliveries FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY retention_purge ON webhook_deliveries FOR DELETE TO %I USING (true)', current_user);
END
$$;

CREATE INDEX webhook_deliveries_finished_created_idx ON webhook_deliveries (created_at)
    WHERE status IN ('DELIVERED', 'FAILED');

CREATE FUNCTION webhooks_purge_deliveries(cutoff timestamptz, max_rows integer) RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH gone AS (
        DELETE FROM public.webhook_deliveries WHERE id IN (
            SELECT id FROM public.webhook_deliveries
            WHERE created_at < cutoff AND status IN ('DELIVERED', 'FAILED')
            ORDER BY created_at LIMIT max_rows)
        RETURNING 1)
    SELECT count(*)::integer FROM gone
$$;

REVOKE EXECUTE ON FUNCTION webhooks_purge_deliveries(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION webhooks_purge_deliveries(timestamptz, integer) TO ${app_role};
