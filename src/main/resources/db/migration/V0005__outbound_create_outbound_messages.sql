-- Every message handed to the outbound gateway and what became of it. One row per (workspace, idempotency key):
-- the unique index is what makes a second submission, even on another node at the same moment, a no-op.
CREATE TABLE outbound_messages (
    id                  uuid        NOT NULL PRIMARY KEY,
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    idempotency_key     text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request_hash        text        NOT NULL,
    channel             text        NOT NULL CHECK (channel IN ('EMAIL', 'WHATSAPP', 'FACEBOOK', 'INSTAGRAM', 'LINKEDIN', 'SMS')),
    to_address          text        NOT NULL,
    subject             text,
    body                text        NOT NULL,
    campaign_id         uuid,
    lead_id             uuid,
    draft_id            uuid,
    status              text        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SIMULATED', 'BLOCKED_PAUSED',
                            'BLOCKED_CHANNEL_OFF', 'BLOCKED_SUPPRESSED', 'BLOCKED_NOT_CONFIGURED', 'SENT', 'FAILED')),
    reason              text,
    provider_message_id text,
    provider_response   text,
    requested_by        text,
    decided_at          timestamptz,
    sent_at             timestamptz,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX outbound_messages_idempotency_key ON outbound_messages (tenant_id, idempotency_key);
CREATE INDEX outbound_messages_tenant_created_idx ON outbound_messages (tenant_id, created_at DESC);
CREATE INDEX outbound_messages_tenant_campaign_idx ON outbound_messages (tenant_id, campaign_id) WHERE campaign_id IS NOT NULL;
SELECT mc_enable_tenant_rls('outbound_messages');
