-- The composer's drafts: the client may choose the id, so saving the same draft twice leaves one row.
CREATE TABLE email_drafts (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    prospect_id uuid,
    campaign_id uuid,
    template_id uuid,
    subject     text,
    body_html   text,
    body_text   text,
    created_by  text,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX email_drafts_tenant_id_key ON email_drafts (tenant_id, id);
CREATE INDEX email_drafts_tenant_updated_idx ON email_drafts (tenant_id, updated_at DESC);
SELECT mc_enable_tenant_rls('email_drafts');

-- Every email this product sends or tries to: from the composer or from an approved draft of the approval inbox.
CREATE TABLE emails (
    id                  uuid        NOT NULL PRIMARY KEY,
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    draft_id            uuid,
    source              text        NOT NULL CHECK (source IN ('COMPOSER', 'APPROVAL')),
    campaign_id         uuid,
    lead_id             uuid,
    template_id         uuid,
    from_email          text        NOT NULL,
    to_email            text        NOT NULL,
    subject             text        NOT NULL,
    body_html           text,
    body_text           text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('PENDING_SEND', 'SENDING', 'SENT', 'SIMULATED',
                                        'BLOCKED', 'FAILED', 'BOUNCED')),
    reason              text,
    message_id          text        NOT NULL,
    provider_message_id text,
    bypass_window       boolean     NOT NULL DEFAULT false,
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz,
    sent_at             timestamptz,
    first_opened_at     timestamptz,
    first_clicked_at    timestamptz,
    first_replied_at    timestamptz,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX emails_tenant_id_key ON emails (tenant_id, id);
CREATE UNIQUE INDEX emails_message_id_key ON emails (message_id);
CREATE INDEX emails_tenant_created_idx ON emails (tenant_id, created_at DESC);
CREATE INDEX emails_tenant_status_idx ON emails (tenant_id, status);
CREATE INDEX emails_tenant_campaign_idx ON emails (tenant_id, campaign_id, created_at DESC);
CREATE INDEX emails_sender_sent_idx ON emails (tenant_id, lower(from_email), sent_at);
SELECT mc_enable_tenant_rls('emails');

-- An email's status changes, in order.
CREATE TABLE email_status_history (
    id         uuid        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    email_id   uuid        NOT NULL,
    status     text        NOT NULL,
    reason     text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, email_id) REFERENCES emails (tenant_id, id)
);
CREATE INDEX email_status_history_email_idx ON email_status_history (tenant_id, email_id, created_at);
SELECT mc_enable_tenant_rls('email_status_history');

-- Every delivery attempt, written BEFORE the SMTP conversation (so a crash after acceptance is reconciled by its
-- Message-ID instead of sending again) and completed with the server's reply.
CREATE TABLE email_logs (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    email_id    uuid        NOT NULL,
    attempt     integer     NOT NULL,
    message_id  text        NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('STARTED', 'ACCEPTED', 'TRANSIENT_FAILURE',
                                'PERMANENT_FAILURE', 'SIMULATED', 'BLOCKED', 'RECONCILED')),
    smtp_reply  text,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, email_id) REFERENCES emails (tenant_id, id)
);
CREATE INDEX email_logs_email_idx ON email_logs (tenant_id, email_id, attempt);
SELECT mc_enable_tenant_rls('email_logs');

-- Idempotency keys of POST /api/v1/emails/send (Stripe's semantics), kept 24 hours.
CREATE TABLE idempotency_keys (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    scope         text        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    response_code integer,
    response_body jsonb,
    expires_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, scope, key)
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
SELECT mc_enable_tenant_rls('idempotency_keys');
