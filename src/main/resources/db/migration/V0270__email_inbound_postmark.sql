-- Inbound email through a provider's webhook (Postmark first). Each workspace that turns inbound email on gets a
-- webhook URL POST /api/v1/webhooks/email/postmark/{inbound_key} and HTTP Basic credentials for it: the username is
-- not secret, the password is 32 random bytes shown once and kept here only as its SHA-256 (it is never needed back:
-- the check hashes what the caller sends and compares the digests in constant time).
CREATE TABLE email_inbound_settings (
    tenant_id          uuid        NOT NULL PRIMARY KEY REFERENCES tenants (id),
    provider           text        NOT NULL CHECK (provider IN ('POSTMARK')),
    inbound_key        text        NOT NULL CHECK (inbound_key ~ '^[a-z0-9]{24,80}$'),
    username           text        NOT NULL CHECK (length(username) BETWEEN 1 AND 100),
    password_hash      text        NOT NULL CHECK (password_hash ~ '^[0-9a-f]{64}$'),
    password_last_four text        NOT NULL,
    rotated_at         timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX email_inbound_settings_key ON email_inbound_settings (inbound_key);
SELECT mc_enable_tenant_rls('email_inbound_settings');

-- Every inbound email a provider delivered with a valid credential, stored raw before it is processed; processed
-- once per provider message id (a redelivery of the same MessageID finds the row and is only acknowledged).
CREATE TABLE email_inbound_messages (
    id                  uuid        NOT NULL PRIMARY KEY,
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    provider            text        NOT NULL CHECK (provider IN ('POSTMARK')),
    provider_message_id text        NOT NULL CHECK (length(provider_message_id) BETWEEN 1 AND 300),
    body                text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED')),
    error               text        CHECK (error IS NULL OR length(error) <= 1000),
    email_id            uuid,
    from_email          text        CHECK (from_email IS NULL OR length(from_email) <= 320),
    subject             text        CHECK (subject IS NULL OR length(subject) <= 1000),
    received_at         timestamptz NOT NULL,
    processed_at        timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX email_inbound_messages_provider_key
    ON email_inbound_messages (tenant_id, provider, provider_message_id);
CREATE INDEX email_inbound_messages_recent_idx ON email_inbound_messages (tenant_id, received_at DESC);
SELECT mc_enable_tenant_rls('email_inbound_messages');

-- A webhook call names an inbound key, not a workspace. This function answers exactly one question (which
-- workspace has this key, and the credential to check) and nothing else; the rest runs under RLS.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON email_inbound_settings FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION email_inbound_of_key(p_key text)
RETURNS TABLE (tenant_id uuid, provider text, username text, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT s.tenant_id, s.provider, s.username, s.password_hash FROM public.email_inbound_settings s
    WHERE s.inbound_key = p_key
$$;

REVOKE EXECUTE ON FUNCTION email_inbound_of_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION email_inbound_of_key(text) TO ${app_role};
