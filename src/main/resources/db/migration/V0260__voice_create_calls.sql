-- Voice calls from Vapi, per site (POST /api/v1/webhooks/voice/vapi/{site_key}). A call is one row per Vapi call
-- id, written by the status updates and the end-of-call report as they come (in either order); the caller is
-- linked to a golden-record contact (and a lead in the site's campaign) after the report commits.
CREATE TABLE voice_calls (
    id               uuid          NOT NULL PRIMARY KEY,
    tenant_id        uuid          NOT NULL REFERENCES tenants (id),
    site_id          uuid          NOT NULL,
    provider_call_id text          NOT NULL CHECK (length(provider_call_id) BETWEEN 1 AND 200),
    caller_number    text          CHECK (caller_number IS NULL OR length(caller_number) <= 50),
    caller_name      text          CHECK (caller_name IS NULL OR length(caller_name) <= 200),
    status           text          CHECK (status IS NULL OR length(status) <= 50),
    started_at       timestamptz,
    ended_at         timestamptz,
    duration_seconds integer       CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
    ended_reason     text          CHECK (ended_reason IS NULL OR length(ended_reason) <= 200),
    cost             numeric(12, 4),
    summary          text,
    transcript       text,
    recording_url    text          CHECK (recording_url IS NULL OR length(recording_url) <= 2000),
    reported_at      timestamptz,
    callback_at      text          CHECK (callback_at IS NULL OR length(callback_at) <= 200),
    callback_note    text          CHECK (callback_note IS NULL OR length(callback_note) <= 2000),
    contact_id       uuid,
    lead_id          uuid,
    version          bigint        NOT NULL DEFAULT 0,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX voice_calls_provider_key ON voice_calls (tenant_id, provider_call_id);
CREATE INDEX voice_calls_recent_idx ON voice_calls (tenant_id, created_at DESC);
CREATE INDEX voice_calls_contact_idx ON voice_calls (tenant_id, contact_id, created_at DESC)
    WHERE contact_id IS NOT NULL;
SELECT mc_enable_tenant_rls('voice_calls');

-- Every verified server message Vapi sent that we act on (assistant-request, status-update, tool-calls,
-- end-of-call-report), kept raw for a person debugging a call; tool answers are kept with their request.
CREATE TABLE voice_messages (
    id           uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    site_id      uuid        NOT NULL,
    call_id      uuid,
    type         text        NOT NULL CHECK (length(type) BETWEEN 1 AND 60),
    received_at  timestamptz NOT NULL,
    body         text        NOT NULL,
    answer       text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX voice_messages_call_idx ON voice_messages (tenant_id, call_id, received_at);
SELECT mc_enable_tenant_rls('voice_messages');

-- A site's voice settings: the Vapi assistant an assistant-request is answered with, the tools we answer, and
-- what the assistant says while the site is paused.
CREATE TABLE voice_site_settings (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    site_id        uuid        NOT NULL,
    assistant_id   text        CHECK (assistant_id IS NULL OR length(assistant_id) <= 200),
    tools          jsonb       NOT NULL DEFAULT '[]',
    paused_message text        CHECK (paused_message IS NULL OR length(paused_message) <= 500),
    version        bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, site_id),
    FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, id) ON DELETE CASCADE
);
SELECT mc_enable_tenant_rls('voice_site_settings');
