-- A workspace's Twilio account for the SMS channel (at most one): the account SID, the auth token sealed with the
-- installation key (SecretCipher, AES-256-GCM, bound to the workspace) with its last four characters to recognise it,
-- and who messages go out as: a messaging service SID or a from-number in E.164 (at least one; the service wins).
-- webhook_key is the random part of the status and inbound webhook URL given to Twilio: it names the workspace, the
-- X-Twilio-Signature (HMAC-SHA1 with the auth token) proves the request.
CREATE TABLE sms_accounts (
    id                    uuid        NOT NULL PRIMARY KEY,
    tenant_id             uuid        NOT NULL UNIQUE REFERENCES tenants (id),
    account_sid           text        NOT NULL CHECK (account_sid ~ '^AC[0-9a-fA-F]{32}$'),
    auth_token_sealed     text        NOT NULL,
    auth_token_last4      text        NOT NULL,
    messaging_service_sid text        CHECK (messaging_service_sid ~ '^MG[0-9a-fA-F]{32}$'),
    from_number           text        CHECK (from_number ~ '^\+[1-9][0-9]{6,14}$'),
    webhook_key           text        NOT NULL UNIQUE CHECK (webhook_key ~ '^[0-9a-f]{32}$'),
    version               bigint      NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (messaging_service_sid IS NOT NULL OR from_number IS NOT NULL)
);
SELECT mc_enable_tenant_rls('sms_accounts');

-- The webhook names its workspace only by the key in its URL, and the signature must be checked before anything is
-- stored: this answers which workspace a key belongs to with its account SID and sealed auth token (which opens only
-- with that workspace as context). Everything after that runs under row-level security.
CREATE FUNCTION sms_webhook_account(p_key text)
RETURNS TABLE (tenant_id uuid, account_sid text, auth_token_sealed text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT tenant_id, account_sid, auth_token_sealed FROM public.sms_accounts WHERE webhook_key = p_key
$$;
REVOKE EXECUTE ON FUNCTION sms_webhook_account(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sms_webhook_account(text) TO ${app_role};

-- Every verified webhook request from Twilio, its form parameters as received, once per MessageSid and status (a
-- status callback repeated by Twilio is stored once; an inbound message has the status 'received'), before it is
-- processed as durable work.
CREATE TABLE sms_webhook_events (
    id             uuid        NOT NULL PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    kind           text        NOT NULL CHECK (kind IN ('STATUS', 'INBOUND')),
    message_sid    text        NOT NULL CHECK (length(message_sid) BETWEEN 1 AND 64),
    message_status text        NOT NULL CHECK (length(message_status) BETWEEN 1 AND 32),
    params         jsonb       NOT NULL,
    status         text        NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSED', 'FAILED')),
    outcome        text,
    received_at    timestamptz NOT NULL,
    processed_at   timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, message_sid, message_status)
);
CREATE INDEX sms_webhook_events_tenant_idx ON sms_webhook_events (tenant_id, received_at DESC);
SELECT mc_enable_tenant_rls('sms_webhook_events');
