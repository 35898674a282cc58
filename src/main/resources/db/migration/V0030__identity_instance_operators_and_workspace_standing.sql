-- The instance operator runs the installation: the bootstrap administrator and whoever it names. Installation-wide,
-- so not tenant-owned: it names users (unique across the installation), not a workspace's data.
CREATE TABLE instance_operators (
    user_id    uuid        NOT NULL PRIMARY KEY REFERENCES users (id),
    email      text        NOT NULL,
    granted_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- A workspace's standing with the operator. Existing workspaces were created by the operator or before sign-up
-- was sandboxed: they keep sending. Self sign-ups set origin SIGNUP and, unless the installation approves on
-- sign-up, SANDBOXED (every channel reaches only the workspace's own users). Limits: null = the installation's
-- default.
ALTER TABLE tenants
    ADD COLUMN origin text NOT NULL DEFAULT 'OPERATOR' CHECK (origin IN ('OPERATOR', 'SIGNUP')),
    ADD COLUMN outbound_access text NOT NULL DEFAULT 'APPROVED' CHECK (outbound_access IN ('SANDBOXED', 'APPROVED')),
    ADD COLUMN suspended_at timestamptz,
    ADD COLUMN hourly_send_limit integer CHECK (hourly_send_limit >= 0),
    ADD COLUMN daily_send_limit integer CHECK (daily_send_limit >= 0),
    ADD COLUMN llm_daily_requests integer CHECK (llm_daily_requests >= 0),
    ADD COLUMN llm_daily_tokens bigint CHECK (llm_daily_tokens >= 0);

DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON tenants FOR SELECT TO %I USING (true)', current_user);
END
$$;

-- The operator console's one cross-workspace read: every workspace with its standing and its users.
CREATE FUNCTION identity_workspace_directory()
RETURNS TABLE (id uuid, name text, origin text, outbound_access text, suspended_at timestamptz,
               hourly_send_limit integer, daily_send_limit integer, llm_daily_requests integer,
               llm_daily_tokens bigint, created_at timestamptz, user_count bigint, admin_emails text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT t.id, t.name, t.origin, t.outbound_access, t.suspended_at, t.hourly_send_limit, t.daily_send_limit,
           t.llm_daily_requests, t.llm_daily_tokens, t.created_at,
           (SELECT count(*) FROM public.users u WHERE u.tenant_id = t.id AND u.deleted_at IS NULL),
           coalesce((SELECT array_agg(u.email ORDER BY u.created_at) FROM public.users u
                     WHERE u.tenant_id = t.id AND u.role = 'ADMIN' AND u.deleted_at IS NULL), '{}')
    FROM public.tenants t
    ORDER BY t.created_at, t.id
$$;
REVOKE EXECUTE ON FUNCTION identity_workspace_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_workspace_directory() TO ${app_role};
