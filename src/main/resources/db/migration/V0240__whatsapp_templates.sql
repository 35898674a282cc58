-- The message templates of a workspace's WhatsApp Business account, as Meta last reported them (synced on demand,
-- hourly and by the message_template_status_update webhook): name and language identify one, only APPROVED ones may
-- be sent, and the placeholders of its header and body are counted so a send with the wrong parameters is refused
-- before it reaches Meta. components keeps Meta's own description.
CREATE TABLE whatsapp_templates (
    id                   uuid        NOT NULL PRIMARY KEY,
    tenant_id            uuid        NOT NULL REFERENCES tenants (id),
    provider_template_id text,
    name                 text        NOT NULL CHECK (length(name) BETWEEN 1 AND 512),
    language             text        NOT NULL CHECK (length(language) BETWEEN 1 AND 20),
    category             text,
    status               text        NOT NULL CHECK (length(status) BETWEEN 1 AND 40),
    reason               text,
    components           jsonb       NOT NULL DEFAULT '[]'::jsonb,
    body_text            text,
    body_parameters      integer     NOT NULL DEFAULT 0 CHECK (body_parameters >= 0),
    header_parameters    integer     NOT NULL DEFAULT 0 CHECK (header_parameters >= 0),
    synced_at            timestamptz NOT NULL,
    version              bigint      NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX whatsapp_templates_name_key ON whatsapp_templates (tenant_id, name, language);
CREATE INDEX whatsapp_templates_provider_idx ON whatsapp_templates (tenant_id, provider_template_id)
    WHERE provider_template_id IS NOT NULL;
SELECT mc_enable_tenant_rls('whatsapp_templates');

-- A campaign's WhatsApp settings: the re-engagement template that replaces free text outside the 24-hour window
-- (name, language and the body's parameters in order). No row: no re-engagement template (free text is refused).
CREATE TABLE whatsapp_campaign_settings (
    tenant_id               uuid        NOT NULL REFERENCES tenants (id),
    campaign_id             uuid        NOT NULL,
    reengagement_template   text,
    reengagement_language   text,
    reengagement_parameters jsonb       NOT NULL DEFAULT '[]'::jsonb,
    version                 bigint      NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, campaign_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    CHECK ((reengagement_template IS NULL) = (reengagement_language IS NULL))
);
SELECT mc_enable_tenant_rls('whatsapp_campaign_settings');

-- Template status webhooks name the business account (entry.id), not a phone number: the webhook needs the account
-- of each number to find the workspace, with the same sealed app secret as before.
CREATE FUNCTION whatsapp_webhook_accounts()
RETURNS TABLE (tenant_id uuid, phone_number_id text, business_account_id text, app_secret_sealed text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT tenant_id, phone_number_id, business_account_id, app_secret_sealed FROM public.whatsapp_numbers
$$;
REVOKE EXECUTE ON FUNCTION whatsapp_webhook_accounts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION whatsapp_webhook_accounts() TO ${app_role};

-- A template message refused before sending (unknown, not APPROVED, or the wrong number of parameters) is a status of
-- its own. Added to whatever the constraint lists at this point, so statuses others added stay.
DO $$
DECLARE
    def text;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
    WHERE conrelid = 'outbound_messages'::regclass AND conname = 'outbound_messages_status_check';
    IF def IS NOT NULL AND position('BLOCKED_TEMPLATE' IN def) = 0 THEN
        EXECUTE 'ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_status_check';
        EXECUTE 'ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_status_check '
            || replace(def, 'ARRAY[', 'ARRAY[''BLOCKED_TEMPLATE''::text, ');
    END IF;
END
$$;

-- Meta told the workspace something a person must act on (spam rate: campaign paused; token rejected; a template
-- refused): a notification kind of its own.
DO $$
DECLARE
    def text;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
    WHERE conrelid = 'notifications'::regclass AND conname = 'notifications_kind_check';
    IF def IS NOT NULL AND position('WHATSAPP_ALERT' IN def) = 0 THEN
        EXECUTE 'ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check';
        EXECUTE 'ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check '
            || replace(def, 'ARRAY[', 'ARRAY[''WHATSAPP_ALERT''::text, ');
    END IF;
END
$$;
