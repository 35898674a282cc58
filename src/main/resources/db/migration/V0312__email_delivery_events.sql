-- Delivery events from the email providers (Postmark's Bounce and SpamComplaint webhooks, Resend's email.bounced,
-- email.complained and email.delivered): stored raw once per provider event id before they are processed, then
-- mapped onto the email lifecycle by durable work (a hard bounce or a complaint suppresses the address).
CREATE TABLE email_delivery_events (
    id                uuid        NOT NULL PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    provider          text        NOT NULL CHECK (provider IN ('POSTMARK', 'RESEND')),
    provider_event_id text        NOT NULL CHECK (length(provider_event_id) BETWEEN 1 AND 300),
    kind              text        NOT NULL CHECK (kind IN ('DELIVERED', 'HARD_BOUNCE', 'SOFT_BOUNCE', 'COMPLAINT')),
    recipient         text        CHECK (recipient IS NULL OR length(recipient) <= 320),
    message_id        text        CHECK (message_id IS NULL OR length(message_id) <= 998),
    reason            text        CHECK (reason IS NULL OR length(reason) <= 1000),
    body              text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED')),
    error             text        CHECK (error IS NULL OR length(error) <= 1000),
    email_id          uuid,
    received_at       timestamptz NOT NULL,
    processed_at      timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX email_delivery_events_provider_key
    ON email_delivery_events (tenant_id, provider, provider_event_id);
CREATE INDEX email_delivery_events_email_idx ON email_delivery_events (tenant_id, email_id);
SELECT mc_enable_tenant_rls('email_delivery_events');

-- when the provider reported the email delivered, and when its recipient complained (marked it as spam)
ALTER TABLE emails ADD COLUMN delivered_at timestamptz;
ALTER TABLE emails ADD COLUMN complained_at timestamptz;

-- a spam complaint suppresses the address with its own reason
ALTER TABLE suppressions DROP CONSTRAINT suppressions_reason_check;
ALTER TABLE suppressions ADD CONSTRAINT suppressions_reason_check
    CHECK (reason IN ('UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED', 'DND', 'MANUAL'));
