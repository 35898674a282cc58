-- A conversation with one person about one campaign (or none): every message in and out, on any channel. The
-- inbox lists those waiting for a person (TO_ANSWER); answering makes it OPEN, closing CLOSED.
CREATE TABLE conversations (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    contact_id      uuid        NOT NULL,
    campaign_id     uuid,
    lead_id         uuid,
    participant     text        NOT NULL,
    subject         text,
    status          text        NOT NULL CHECK (status IN ('OPEN', 'TO_ANSWER', 'CLOSED')),
    last_preview    text,
    message_count   integer     NOT NULL DEFAULT 0,
    last_message_at timestamptz NOT NULL,
    last_inbound_at timestamptz,
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE UNIQUE INDEX conversations_tenant_id_key ON conversations (tenant_id, id);
CREATE UNIQUE INDEX conversations_per_contact_campaign
    ON conversations (tenant_id, contact_id, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX conversations_tenant_status_idx ON conversations (tenant_id, status, last_message_at DESC);
CREATE INDEX conversations_tenant_inbound_idx ON conversations (tenant_id, last_inbound_at DESC);
SELECT mc_enable_tenant_rls('conversations');

-- The messages of a conversation. external_key makes recording idempotent (a redelivered reply, a repeated
-- Idempotency-Key); email_id names the email row of the email channel; header_message_id is the RFC 5322
-- Message-ID the message carries, for threading answers.
CREATE TABLE conversation_messages (
    id                uuid        NOT NULL PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    conversation_id   uuid        NOT NULL,
    direction         text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    channel           text        NOT NULL,
    external_key      text        NOT NULL,
    email_id          uuid,
    answers_email_id  uuid,
    header_message_id text,
    sender            text,
    recipient         text,
    subject           text,
    body_text         text        NOT NULL,
    author_id         uuid,
    author_name       text,
    occurred_at       timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);
CREATE UNIQUE INDEX conversation_messages_external_key ON conversation_messages (tenant_id, external_key);
CREATE INDEX conversation_messages_thread_idx ON conversation_messages (tenant_id, conversation_id, occurred_at);
CREATE INDEX conversation_messages_email_idx ON conversation_messages (tenant_id, email_id);
SELECT mc_enable_tenant_rls('conversation_messages');

-- Who has read a conversation up to when: unread is per user.
CREATE TABLE conversation_reads (
    tenant_id       uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    read_at         timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, conversation_id, user_id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);
SELECT mc_enable_tenant_rls('conversation_reads');
