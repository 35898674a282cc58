-- Personal access tokens ("API keys"): a user's long-lived bearer credential for the API, limited to scopes. The
-- token itself is shown once and never stored: only its SHA-256 (token_hash) and, to recognise it in a list, its
-- first characters (token_prefix, e.g. mc_pat_AbCd) and last four.
CREATE TABLE api_keys (
    id           uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    user_id      uuid        NOT NULL REFERENCES users (id),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   text        NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    token_prefix text        NOT NULL CHECK (length(token_prefix) <= 20),
    last_four    text        NOT NULL CHECK (length(last_four) = 4),
    scopes       text        NOT NULL CHECK (scopes ~ '^(read|write|send|admin)(,(read|write|send|admin))*$'),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   uuid,
    last_used_at timestamptz,
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX api_keys_hash_key ON api_keys (token_hash);
CREATE INDEX api_keys_owner_idx ON api_keys (tenant_id, user_id, created_at DESC);
SELECT mc_enable_tenant_rls('api_keys');

-- A request presenting a token names no workspace yet. This function answers exactly one question (which key, of
-- which workspace and user, has this hash) and nothing else; the rest runs under RLS. It runs as the migration
-- owner, which this policy lets read the table (as V0002 does for refresh tokens).
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON api_keys FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION identity_api_key_of_token(p_hash text)
RETURNS TABLE (id uuid, tenant_id uuid, user_id uuid, scopes text, expires_at timestamptz, revoked_at timestamptz,
               last_used_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT k.id, k.tenant_id, k.user_id, k.scopes, k.expires_at, k.revoked_at, k.last_used_at
    FROM public.api_keys k WHERE k.token_hash = p_hash
$$;

-- Records that a key was used, at most once a minute per key (a request never waits on a write of its own): runs
-- as the caller under RLS, binding app.tenant_id to the key's workspace only for this statement, like
-- identity_principal (V0105). Returns whether the row was written.
CREATE FUNCTION identity_api_key_used(p_tenant uuid, p_id uuid, p_at timestamptz)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    previous text := current_setting('app.tenant_id', true);
    written integer;
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant::text, true);
    UPDATE public.api_keys SET last_used_at = p_at
    WHERE tenant_id = p_tenant AND id = p_id AND (last_used_at IS NULL OR last_used_at < p_at - interval '1 minute');
    GET DIAGNOSTICS written = ROW_COUNT;
    PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
    RETURN written > 0;
END
$$;

REVOKE EXECUTE ON FUNCTION identity_api_key_of_token(text), identity_api_key_used(uuid, uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_api_key_of_token(text), identity_api_key_used(uuid, uuid, timestamptz)
    TO ${app_role};
