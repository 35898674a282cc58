-- Per campaign email settings: the send window (in the recipient's time zone) and the sender address.
CREATE TABLE email_campaign_settings (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    campaign_id uuid        NOT NULL,
    send_window jsonb,
    from_email  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, campaign_id)
);
SELECT mc_enable_tenant_rls('email_campaign_settings');

CREATE INDEX emails_tenant_lead_idx ON emails (tenant_id, lead_id, created_at DESC);

-- The hourly lifecycle check moves campaigns whose end date has passed to COMPLETED. This answers only which
-- workspaces have running campaigns with an end date; the check itself then runs per workspace under row-level
-- security.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY email_owner_lookup ON campaigns FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION email_tenants_with_ending_campaigns() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT DISTINCT tenant_id FROM public.campaigns
    WHERE status IN ('ACTIVE', 'PAUSED') AND end_date IS NOT NULL AND end_date < current_date + 2
$$;

-- Expired idempotency keys are deleted by an hourly task across workspaces.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY email_owner_cleanup ON idempotency_keys FOR DELETE TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION email_delete_expired_idempotency_keys() RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH gone AS (DELETE FROM public.idempotency_keys WHERE expires_at < now() RETURNING 1)
    SELECT count(*)::integer FROM gone
$$;

REVOKE EXECUTE ON FUNCTION email_tenants_with_ending_campaigns(), email_delete_expired_idempotency_keys() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION email_tenants_with_ending_campaigns(), email_delete_expired_idempotency_keys()
    TO ${app_role};
