-- Outbound webhooks: a workspace subscribes URLs to event types (dotted prefixes such as 'lead.' or exact types such
-- as 'deal.won'; '*' for every event). Deliveries follow the workspace's event feed in order per subscription:
-- cursor_seq is the seq of the last event that is done (delivered, or not matching), so nothing is skipped and a
-- disabled subscription resumes where it stopped. The signing secret is sealed under the installation key (an HMAC
-- needs the secret itself); during a rotation the previous one keeps signing too until previous_secret_expires_at.
CREATE TABLE webhook_subscriptions (
    id                         uuid        NOT NULL PRIMARY KEY,
    tenant_id                  uuid        NOT NULL REFERENCES tenants (id),
    url                        text        NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
    description                text        CHECK (description IS NULL OR length(description) <= 500),
    event_types                jsonb       NOT NULL,
    status                     text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    disabled_reason            text        CHECK (disabled_reason IS NULL OR length(disabled_reason) <= 1000),
    cursor_seq                 bigint      NOT NULL DEFAULT 0,
    secret_sealed              text        NOT NULL,
    secret_last_four           text        NOT NULL,
    previous_secret_sealed     text,
    previous_secret_expires_at timestamptz,
    last_delivery_at           timestamptz,
    last_status                text,
    created_by                 text,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX webhook_subscriptions_tenant_id_key ON webhook_subscriptions (tenant_id, id);
SELECT mc_enable_tenant_rls('webhook_subscriptions');

-- One row per event handed to a subscription (and per test event), with the exact body that is signed, so every
-- attempt and a resend send the same bytes under the same webhook-id. Status: RETRYING while attempts go on
-- (next_attempt_at), DELIVERED on a 2xx, FAILED when it gave up (the subscription is then disabled).
CREATE TABLE webhook_deliveries (
    id               uuid        NOT NULL PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    subscription_id  uuid        NOT NULL,
    webhook_id       text        NOT NULL CHECK (length(webhook_id) <= 100),
    event_seq        bigint,
    event_type       text        NOT NULL CHECK (length(event_type) <= 200),
    test             boolean     NOT NULL DEFAULT false,
    body             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'RETRYING', 'DELIVERED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    response_code    integer,
    response_excerpt text        CHECK (response_excerpt IS NULL OR length(response_excerpt) <= 1000),
    error            text        CHECK (error IS NULL OR length(error) <= 1000),
    latency_ms       bigint,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES webhook_subscriptions (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX webhook_deliveries_event_key ON webhook_deliveries (subscription_id, webhook_id);
CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (tenant_id, subscription_id, created_at DESC);
SELECT mc_enable_tenant_rls('webhook_deliveries');
