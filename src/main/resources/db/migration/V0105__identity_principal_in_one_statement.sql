-- Every authenticated request asks the same questions: is this access token signed out, is the workspace suspended,
-- can the user still sign in (and with which role, permissions version and workspace name), and is the user an
-- operator of the installation. Asked one by one in a transaction that was six round trips to the database per
-- request; this function answers them in one statement, without a transaction of its own.
--
-- It runs as the caller (not SECURITY DEFINER): row-level security applies as usual. It binds app.tenant_id to the
-- asked workspace only while it reads, and puts the caller's value back before it returns, so calling it inside a
-- transaction of another workspace changes nothing for that transaction. No row: not allowed (revoked token,
-- suspended or unknown workspace, deactivated, deleted or pending user).
CREATE FUNCTION identity_principal(p_tenant uuid, p_user uuid, p_jti text)
RETURNS TABLE (email text, role text, permissions_version integer, workspace_name text, operator boolean)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    previous text := current_setting('app.tenant_id', true);
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant::text, true);
    IF p_jti IS NULL OR NOT EXISTS (
            SELECT 1 FROM public.revoked_access_tokens r WHERE r.tenant_id = p_tenant AND r.jti = p_jti) THEN
        RETURN QUERY
            SELECT u.email, u.role, u.permissions_version, t.name,
                   EXISTS (SELECT 1 FROM public.instance_operators o WHERE o.user_id = u.id)
            FROM public.users u
            JOIN public.tenants t ON t.id = u.tenant_id
            WHERE u.tenant_id = p_tenant AND u.id = p_user
              AND u.active AND u.password_hash IS NOT NULL AND u.deleted_at IS NULL
              AND t.suspended_at IS NULL;
    END IF;
    PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
END
$$;

REVOKE EXECUTE ON FUNCTION identity_principal(uuid, uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_principal(uuid, uuid, text) TO ${app_role};
