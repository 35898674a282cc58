-- A workspace's connected WhatsApp Business number (at most one): Meta's phone number id (unique in the
-- installation: it names the workspace of a webhook), the business account, the number people see, the access
-- token and app secret sealed with the installation key (SecretCipher, AES-256-GCM, bound to the workspace) with
-- their last four characters to recognise them, and the webhook verify token as a SHA-256 hash. The campaign new
-- senders become leads of, and the inbound safety settings (stop words, sentiment threshold).
CREATE TABLE whatsapp_numbers (
    id                   uuid        NOT NULL PRIMARY KEY,
    tenant_id            uuid        NOT NULL UNIQUE REFERENCES tenants (id),
    phone_number_id      text        NOT NULL UNIQUE CHECK (phone_number_id ~ '^[0-9]{1,32}$'),
    business_account_id  text        NOT NULL CHECK (business_account_id ~ '^[0-9]{1,32}$'),
    display_number       text        NOT NULL CHECK (length(display_number) BETWEEN 1 AND 32),
    campaign_id          uuid,
    access_token_sealed  text        NOT NULL,
    access_token_last4   text        NOT NULL,
    app_secret_sealed    text        NOT NULL,
    app_secret_last4     text        NOT NULL,
    verify_token_hash    text        NOT NULL UNIQUE,
    verify_token_last4   text        NOT NULL,
    stop_keywords        text        NOT NULL DEFAULT 'STOP,UNSUBSCRIBE,BLOCK,SPAM,REPORT',
    sentiment_threshold  numeric(4, 3) NOT NULL DEFAULT -0.5 CHECK (sentiment_threshold BETWEEN -1 AND 1),
    token_rejected_at    timestamptz,
    last_test_at         timestamptz,
    last_test_ok         boolean,
    last_test_message    text,
    version              bigint      NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
SELECT mc_enable_tenant_rls('whatsapp_numbers');

-- A webhook names a phone number id, not a workspace, and its signature must be checked before anything is parsed:
-- these answer only which numbers exist with their sealed app secrets (each opens only with its own workspace as
-- context) and which workspace a verify token hash belongs to. Everything after that runs under row-level security.
CREATE FUNCTION whatsapp_webhook_secrets() RETURNS TABLE (tenant_id uuid, phone_number_id text, app_secret_sealed text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT tenant_id, phone_number_id, app_secret_sealed FROM public.whatsapp_numbers
$$;
REVOKE EXECUTE ON FUNCTION whatsapp_webhook_secrets() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION whatsapp_webhook_secrets() TO ${app_role};

CREATE FUNCTION whatsapp_tenant_of_verify_token(p_hash text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT tenant_id FROM public.whatsapp_numbers WHERE verify_token_hash = p_hash
$$;
REVOKE EXECUTE ON FUNCTION whatsapp_tenant_of_verify_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION whatsapp_tenant_of_verify_token(text) TO ${app_role};

-- Every verified webhook delivery, as received (the raw body), before it is processed as durable work.
CREATE TABLE whatsapp_webhook_events (
    id           uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    body         text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSED', 'FAILED')),
    attempts     integer     NOT NULL DEFAULT 0,
    error        text,
    received_at  timestamptz NOT NULL,
    processed_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX whatsapp_webhook_events_tenant_idx ON whatsapp_webhook_events (tenant_id, received_at DESC);
SELECT mc_enable_tenant_rls('whatsapp_webhook_events');

-- Who writes to the number: found by E.164 (wa_id) and by the business-scoped user id, each unique in a workspace.
CREATE TABLE whatsapp_senders (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    wa_id           text,
    user_id         text,
    contact_id      uuid        NOT NULL,
    lead_id         uuid,
    profile_name    text,
    last_inbound_at timestamptz,
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (wa_id IS NOT NULL OR user_id IS NOT NULL),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE UNIQUE INDEX whatsapp_senders_wa_id ON whatsapp_senders (tenant_id, wa_id) WHERE wa_id IS NOT NULL;
CREATE UNIQUE INDEX whatsapp_senders_user_id ON whatsapp_senders (tenant_id, user_id) WHERE user_id IS NOT NULL;
SELECT mc_enable_tenant_rls('whatsapp_senders');

-- One row per inbound message processed, keyed by the provider's message id: the claim that makes processing happen
-- once. It is written in the processing transaction, so a failure rolls it back and a retry claims it again.
CREATE TABLE whatsapp_inbound_messages (
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    provider_message_id text        NOT NULL,
    event_id            uuid        NOT NULL,
    message_type        text        NOT NULL,
    conversation_id     uuid,
    outcome             text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, provider_message_id)
);
SELECT mc_enable_tenant_rls('whatsapp_inbound_messages');
