-- One row per workspace; absent means the safe defaults (dry run on, every channel off, not paused).
CREATE TABLE safety_settings (
    tenant_id          uuid        NOT NULL PRIMARY KEY REFERENCES tenants (id),
    dry_run_mode       boolean     NOT NULL DEFAULT true,
    global_pause       boolean     NOT NULL DEFAULT false,
    email_enabled      boolean     NOT NULL DEFAULT false,
    whatsapp_enabled   boolean     NOT NULL DEFAULT false,
    facebook_enabled   boolean     NOT NULL DEFAULT false,
    instagram_enabled  boolean     NOT NULL DEFAULT false,
    linkedin_enabled   boolean     NOT NULL DEFAULT false,
    sms_enabled        boolean     NOT NULL DEFAULT false,
    updated_by         text,
    version            bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('safety_settings');

CREATE TABLE suppressions (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    channel     text        NOT NULL CHECK (channel IN ('EMAIL', 'WHATSAPP', 'FACEBOOK', 'INSTAGRAM', 'LINKEDIN', 'SMS')),
    address     text        NOT NULL,
    reason      text        NOT NULL CHECK (reason IN ('UNSUBSCRIBED', 'BOUNCED', 'DND', 'MANUAL')),
    note        text,
    created_by  text,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
CREATE UNIQUE INDEX suppressions_active_key ON suppressions (tenant_id, channel, address) WHERE deleted_at IS NULL;
CREATE INDEX suppressions_tenant_created_idx ON suppressions (tenant_id, created_at DESC);
SELECT mc_enable_tenant_rls('suppressions');
