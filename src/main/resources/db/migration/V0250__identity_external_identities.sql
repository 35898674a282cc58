-- Sign-in with an OpenID Connect provider (Google, LinkedIn, an organisation's own): the identities linked to a user.
-- A provider's subject is unique across the installation (one identity signs in to one user of one workspace).
CREATE TABLE user_identities (
    id           uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    user_id      uuid        NOT NULL REFERENCES users (id),
    provider     text        NOT NULL CHECK (provider ~ '^[a-z][a-z0-9-]{0,30}$'),
    subject      text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    email        text        CHECK (length(email) <= 320),
    last_used_at timestamptz,
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_identities_subject_key ON user_identities (provider, subject);
CREATE INDEX user_identities_user_idx ON user_identities (tenant_id, user_id, created_at);
SELECT mc_enable_tenant_rls('user_identities');

-- Whether the user chose a password: one who arrived through a provider has none they know (an unusable random
-- one is stored), so their last linked identity cannot be removed.
ALTER TABLE users ADD COLUMN password_chosen boolean NOT NULL DEFAULT true;

-- Before sign-in the workspace is unknown: answers exactly which workspace holds this provider's subject, nothing
-- else (as V0002 does for logins); the rest runs under RLS.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON user_identities FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION identity_tenant_of_external_identity(p_provider text, p_subject text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT tenant_id FROM public.user_identities WHERE provider = p_provider AND subject = p_subject
$$;
REVOKE EXECUTE ON FUNCTION identity_tenant_of_external_identity(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_tenant_of_external_identity(text, text) TO ${app_role};

-- Provider sign-ins started through the API (a script or an app opens the provider's page itself): the state, the
-- nonce and the PKCE verifier wait here until the code comes back, at most ten minutes, and are used once. Not
-- tenant-owned: nobody is signed in yet.
CREATE TABLE identity_oidc_requests (
    state_hash    text        NOT NULL PRIMARY KEY CHECK (state_hash ~ '^[0-9a-f]{64}$'),
    provider      text        NOT NULL,
    nonce         text        NOT NULL,
    code_verifier text        NOT NULL,
    redirect_uri  text        NOT NULL CHECK (length(redirect_uri) <= 2000),
    expires_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_oidc_requests_expiry_idx ON identity_oidc_requests (expires_at);
