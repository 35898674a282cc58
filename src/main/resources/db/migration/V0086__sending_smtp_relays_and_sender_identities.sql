-- A workspace's own SMTP relay (at most one), configured by its admins on Settings → Email sending. The password is
-- kept sealed with the installation key (SecretCipher, AES-256-GCM, bound to the workspace); it is never shown back.
CREATE TABLE smtp_relays (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL UNIQUE REFERENCES tenants (id),
    host            text        NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
    port            integer     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    username        text        CHECK (length(username) <= 320),
    password_sealed text,
    start_tls       boolean     NOT NULL DEFAULT true,
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('smtp_relays');

-- Who the workspace's emails come from: display name, address, reply-to and signature. At most one is the default,
-- used when neither the request nor the campaign names a sender.
CREATE TABLE sender_identities (
    id           uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    display_name text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    address      text        NOT NULL CHECK (address = lower(address) AND length(address) <= 320),
    reply_to     text        CHECK (reply_to = lower(reply_to) AND length(reply_to) <= 320),
    signature    text        CHECK (length(signature) <= 2000),
    is_default   boolean     NOT NULL DEFAULT false,
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, address)
);
CREATE UNIQUE INDEX sender_identities_one_default ON sender_identities (tenant_id) WHERE is_default;
SELECT mc_enable_tenant_rls('sender_identities');
