-- What needs a person in a workspace. The same fact raises one notification (dedup_key), however often it is
-- observed; what it says is rendered from kind and facts by the dashboard.
CREATE TABLE notifications (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    kind        text        NOT NULL CHECK (kind IN ('REPLY_RECEIVED', 'SEND_FAILED', 'EMAIL_BOUNCED', 'RUN_DEAD',
                                'DRAFTS_WAITING', 'CHANNEL_CANNOT_SEND')),
    severity    text        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'DANGER')),
    facts       jsonb       NOT NULL DEFAULT '{}',
    path        text        NOT NULL,
    dedup_key   text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notifications_dedup_key ON notifications (tenant_id, dedup_key);
CREATE UNIQUE INDEX notifications_tenant_id_key ON notifications (tenant_id, id);
CREATE INDEX notifications_tenant_recent_idx ON notifications (tenant_id, occurred_at DESC);
SELECT mc_enable_tenant_rls('notifications');

-- Who has read which notification: read/unread is per user.
CREATE TABLE notification_reads (
    tenant_id       uuid        NOT NULL,
    notification_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    read_at         timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, notification_id, user_id),
    FOREIGN KEY (tenant_id, notification_id) REFERENCES notifications (tenant_id, id) ON DELETE CASCADE
);
SELECT mc_enable_tenant_rls('notification_reads');
