-- Replies recorded before the conversations module existed (V0091) were never filed into a conversation, so they
-- showed nowhere. The conversations module's backfill task files every reply it finds unfiled; it runs outside any
-- workspace, so it asks this function which workspaces have replies at all (row-level security would hide them),
-- then reads each workspace's replies under its own row-level security.
CREATE FUNCTION email_tenants_with_replies() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT DISTINCT tenant_id FROM public.email_reply_events
$$;

REVOKE EXECUTE ON FUNCTION email_tenants_with_replies() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION email_tenants_with_replies() TO ${app_role};
