-- A template blast to a campaign's NEW leads: what to send, who asked, and where it stands. One blast of a campaign
-- is unfinished (QUEUED, RUNNING or PAUSED) at a time; it runs as db-scheduler work, so one node works it at a time.
CREATE TABLE whatsapp_blasts (
    id            uuid        NOT NULL PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    campaign_id   uuid        NOT NULL,
    template_name text        NOT NULL,
    language      text        NOT NULL,
    parameters    jsonb       NOT NULL DEFAULT '[]'::jsonb,
    status        text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'PAUSED', 'DONE')),
    queued        integer     NOT NULL DEFAULT 0,
    reason        text,
    requested_by  text        NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz,
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
CREATE UNIQUE INDEX whatsapp_blasts_unfinished_key ON whatsapp_blasts (tenant_id, campaign_id)
    WHERE status IN ('QUEUED', 'RUNNING', 'PAUSED');
CREATE INDEX whatsapp_blasts_campaign_idx ON whatsapp_blasts (tenant_id, campaign_id, created_at DESC);
SELECT mc_enable_tenant_rls('whatsapp_blasts');

-- Each lead a blast reaches, once per campaign (a second blast never reaches a lead a first one queued): QUEUED, then
-- SENDING while handed to the gateway (its idempotency key is the blast and lead, so a node dying mid-send never
-- sends twice), then what the gateway decided (SENT, FAILED, BLOCKED, SIMULATED) with its outbound message.
CREATE TABLE whatsapp_blast_recipients (
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    blast_id            uuid        NOT NULL REFERENCES whatsapp_blasts (id),
    campaign_id         uuid        NOT NULL,
    lead_id             uuid        NOT NULL,
    phone               text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'BLOCKED',
                                        'SIMULATED')),
    outbound_message_id uuid,
    error               text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, blast_id, lead_id)
);
CREATE UNIQUE INDEX whatsapp_blast_recipients_lead_key ON whatsapp_blast_recipients (tenant_id, campaign_id, lead_id);
CREATE INDEX whatsapp_blast_recipients_queue_idx ON whatsapp_blast_recipients (tenant_id, blast_id, status);
SELECT mc_enable_tenant_rls('whatsapp_blast_recipients');

-- The per-number sending rate of blasts (messages per second, 1 to 1,000; Meta's default tier is 80).
ALTER TABLE whatsapp_numbers ADD COLUMN blast_rate_per_second integer NOT NULL DEFAULT 80
    CHECK (blast_rate_per_second BETWEEN 1 AND 1000);
