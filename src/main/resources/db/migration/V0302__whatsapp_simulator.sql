-- The WhatsApp simulator: a session is a simulated conversation (same id) started by an operator, optionally for a
-- campaign; each message typed in it keeps the inbound safety verdict the webhook path would have reached (stop
-- word, VADER sentiment, snooze phrase), applied to nobody.
CREATE TABLE whatsapp_simulator_sessions (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    campaign_id uuid,
    started_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX whatsapp_simulator_sessions_tenant_idx ON whatsapp_simulator_sessions (tenant_id, created_at DESC);
SELECT mc_enable_tenant_rls('whatsapp_simulator_sessions');

CREATE TABLE whatsapp_simulator_checks (
    message_id    uuid             NOT NULL PRIMARY KEY,
    tenant_id     uuid             NOT NULL REFERENCES tenants (id),
    session_id    uuid             NOT NULL REFERENCES whatsapp_simulator_sessions (id) ON DELETE CASCADE,
    unsafe        boolean          NOT NULL,
    keyword       text,
    sentiment     double precision NOT NULL,
    reason        text,
    snooze_phrase text,
    created_at    timestamptz      NOT NULL DEFAULT now(),
    updated_at    timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX whatsapp_simulator_checks_session_idx ON whatsapp_simulator_checks (tenant_id, session_id);
SELECT mc_enable_tenant_rls('whatsapp_simulator_checks');
