CREATE TABLE tenants (
    id             uuid        NOT NULL PRIMARY KEY,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    time_zone      text        NOT NULL DEFAULT 'America/Toronto',
    default_region text        NOT NULL DEFAULT 'CA',
    version        bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('tenants', 'id');

CREATE TABLE users (
    id                  uuid        NOT NULL PRIMARY KEY,
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    email               text        NOT NULL CHECK (email = lower(email)),
    display_name        text,
    password_hash       text,
    role                text        NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'CLOSER', 'FINANCE', 'VIEWER')),
    active              boolean     NOT NULL DEFAULT true,
    permissions_version integer     NOT NULL DEFAULT 1,
    last_login_at       timestamptz,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    deleted_at          timestamptz
);
-- emails are unique across the installation: one login, one workspace
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_tenant_idx ON users (tenant_id, created_at);
SELECT mc_enable_tenant_rls('users');

CREATE TABLE refresh_tokens (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    user_id     uuid        NOT NULL REFERENCES users (id),
    family_id   uuid        NOT NULL,
    token_hash  text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,
    revoked_at  timestamptz,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (tenant_id, family_id);
SELECT mc_enable_tenant_rls('refresh_tokens');

CREATE TABLE invitations (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    user_id     uuid        NOT NULL REFERENCES users (id),
    token_hash  text        NOT NULL,
    invited_by  uuid        NOT NULL REFERENCES users (id),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX invitations_hash_key ON invitations (token_hash);
SELECT mc_enable_tenant_rls('invitations');

-- access tokens revoked by logout, until they would have expired anyway
CREATE TABLE revoked_access_tokens (
    jti        text        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('revoked_access_tokens');

-- Before sign-in nobody knows the tenant yet. These functions answer exactly one question each (which tenant
-- owns this login, refresh token or invitation) and nothing else; the rest of the work then runs under RLS.
-- They run as the migration owner, which a policy lets read the three tables.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON users FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_lookup ON refresh_tokens FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_lookup ON invitations FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION identity_tenant_of_login(p_email text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT tenant_id FROM public.users WHERE email = lower(p_email) AND deleted_at IS NULL
$$;

CREATE FUNCTION identity_tenant_of_refresh_token(p_hash text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT tenant_id FROM public.refresh_tokens WHERE token_hash = p_hash
$$;

CREATE FUNCTION identity_tenant_of_invitation(p_hash text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT tenant_id FROM public.invitations WHERE token_hash = p_hash
$$;

CREATE FUNCTION identity_has_any_user() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM public.users)
$$;

REVOKE EXECUTE ON FUNCTION identity_tenant_of_login(text), identity_tenant_of_refresh_token(text),
    identity_tenant_of_invitation(text), identity_has_any_user() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_tenant_of_login(text), identity_tenant_of_refresh_token(text),
    identity_tenant_of_invitation(text), identity_has_any_user() TO ${app_role};
