-- Every open of an email (pixel or provider webhook); emails.first_opened_at keeps the first one for the figures.
CREATE TABLE email_open_events (
    id         uuid        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    email_id   uuid        NOT NULL,
    source     text        NOT NULL CHECK (source IN ('PIXEL', 'WEBHOOK')),
    user_agent text,
    opened_at  timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, email_id) REFERENCES emails (tenant_id, id)
);
CREATE INDEX email_open_events_email_idx ON email_open_events (tenant_id, email_id, opened_at);
SELECT mc_enable_tenant_rls('email_open_events');

-- Every click through a signed redirect.
CREATE TABLE email_click_events (
    id         uuid        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    email_id   uuid        NOT NULL,
    url        text        NOT NULL,
    user_agent text,
    clicked_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, email_id) REFERENCES emails (tenant_id, id)
);
CREATE INDEX email_click_events_email_idx ON email_click_events (tenant_id, email_id, clicked_at);
SELECT mc_enable_tenant_rls('email_click_events');

-- Every reply reported by the reply webhook.
CREATE TABLE email_reply_events (
    id            uuid        NOT NULL PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    email_id      uuid        NOT NULL,
    reply_subject text,
    reply_body    text,
    replied_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, email_id) REFERENCES emails (tenant_id, id)
);
CREATE INDEX email_reply_events_email_idx ON email_reply_events (tenant_id, email_id, replied_at);
SELECT mc_enable_tenant_rls('email_reply_events');

-- Every bounce reported by the bounce webhook, transient ones included (those change nothing else).
CREATE TABLE email_bounce_events (
    id         uuid        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    email_id   uuid        NOT NULL,
    permanent  boolean     NOT NULL,
    reason     text,
    bounced_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, email_id) REFERENCES emails (tenant_id, id)
);
CREATE INDEX email_bounce_events_email_idx ON email_bounce_events (tenant_id, email_id, bounced_at);
SELECT mc_enable_tenant_rls('email_bounce_events');

-- Per campaign tracking switches; a campaign without a row tracks opens and links (on by default).
CREATE TABLE email_tracking_settings (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    campaign_id uuid        NOT NULL,
    track_opens boolean     NOT NULL DEFAULT true,
    track_links boolean     NOT NULL DEFAULT true,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, campaign_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
SELECT mc_enable_tenant_rls('email_tracking_settings');

-- The workspace's secret for the email webhooks (X-MC-Signature); created on first read, replaced on rotation.
CREATE TABLE email_webhook_secrets (
    tenant_id  uuid        NOT NULL PRIMARY KEY REFERENCES tenants (id),
    secret     text        NOT NULL,
    rotated_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('email_webhook_secrets');

-- Webhook signatures accepted in the last five minutes: the unique key refuses a replay on every node.
CREATE TABLE webhook_signatures_seen (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    signature  text        NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, signature)
);
CREATE INDEX webhook_signatures_seen_expires_idx ON webhook_signatures_seen (tenant_id, expires_at);
SELECT mc_enable_tenant_rls('webhook_signatures_seen');

-- A webhook names an email, not a workspace: this answers only which workspace owns an email (by id or by our
-- Message-ID) so its secret can check the signature; everything after that runs under row-level security.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON emails FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION email_tenant_of_email(p_email_id uuid, p_message_id text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT tenant_id FROM public.emails
    WHERE (p_email_id IS NOT NULL AND id = p_email_id)
       OR (p_email_id IS NULL AND p_message_id IS NOT NULL
           AND message_id IN (p_message_id, btrim(p_message_id, '<>'), '<' || btrim(p_message_id, '<>') || '>'))
    LIMIT 1
$$;

REVOKE EXECUTE ON FUNCTION email_tenant_of_email(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION email_tenant_of_email(uuid, text) TO ${app_role};
