-- The end-date rule (ACTIVE or PAUSED campaigns past their end date become COMPLETED) moved from the email module
-- to campaigns; its cross-workspace lookup of which workspaces have such campaigns moves with it. The email
-- module's function stays for nodes of the previous version during a rolling upgrade.
CREATE FUNCTION campaigns_tenants_with_ending_campaigns() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT DISTINCT tenant_id FROM public.campaigns
    WHERE status IN ('ACTIVE', 'PAUSED') AND end_date IS NOT NULL AND end_date < current_date + 2
$$;

REVOKE EXECUTE ON FUNCTION campaigns_tenants_with_ending_campaigns() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION campaigns_tenants_with_ending_campaigns() TO ${app_role};
