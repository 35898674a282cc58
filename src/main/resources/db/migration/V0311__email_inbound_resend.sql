-- Inbound email through Resend (email.received) next to Postmark. Resend signs its webhooks with Svix: the signing
-- secret (whsec_...) is Resend's, pasted by an admin, and kept sealed under the installation key (it is needed back
-- to check each signature); the API key the message bodies are fetched with is kept sealed the same way. The
-- webhook URL POST /api/v1/webhooks/email/resend/{inbound_key} names the workspace; the signature authenticates it.
CREATE TABLE email_resend_settings (
    tenant_id                uuid        NOT NULL PRIMARY KEY REFERENCES tenants (id),
    inbound_key              text        NOT NULL CHECK (inbound_key ~ '^[a-z0-9]{24,80}$'),
    webhook_secret_sealed    text        NOT NULL,
    webhook_secret_last_four text        NOT NULL,
    api_key_sealed           text        NOT NULL,
    api_key_last_four        text        NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX email_resend_settings_key ON email_resend_settings (inbound_key);
SELECT mc_enable_tenant_rls('email_resend_settings');

DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON email_resend_settings FOR SELECT TO %I USING (true)', current_user);
END
$$;

-- Which workspace has this key, and its sealed signing secret (opened and checked by the application); nothing else.
CREATE FUNCTION email_resend_of_key(p_key text)
RETURNS TABLE (tenant_id uuid, webhook_secret_sealed text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT s.tenant_id, s.webhook_secret_sealed FROM public.email_resend_settings s WHERE s.inbound_key = p_key
$$;

REVOKE EXECUTE ON FUNCTION email_resend_of_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION email_resend_of_key(text) TO ${app_role};

-- Stored inbound messages may now come from Resend; its webhook carries metadata only, so the message itself
-- (text, html, headers) is fetched from Resend's API by the durable work and kept in content.
ALTER TABLE email_inbound_messages DROP CONSTRAINT email_inbound_messages_provider_check;
ALTER TABLE email_inbound_messages ADD CONSTRAINT email_inbound_messages_provider_check
    CHECK (provider IN ('POSTMARK', 'RESEND'));
ALTER TABLE email_inbound_messages ADD COLUMN content text;
