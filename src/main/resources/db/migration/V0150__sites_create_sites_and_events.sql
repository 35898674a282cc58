-- Connected websites (the site registry) and what they send. Each site has its own ingest endpoint
-- (POST /api/v1/ingest/{site_key}) and signing secret, sealed at rest under the installation key (HMAC checks need
-- the secret itself, so it cannot be hashed). During a rotation the previous secret keeps verifying until
-- previous_secret_expires_at.
CREATE TABLE sites (
    id                         uuid        NOT NULL PRIMARY KEY,
    tenant_id                  uuid        NOT NULL REFERENCES tenants (id),
    name                       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    url                        text        CHECK (url IS NULL OR length(url) <= 2000),
    purpose                    text        CHECK (purpose IS NULL OR length(purpose) <= 500),
    data_types                 jsonb       NOT NULL DEFAULT '[]',
    connection                 text        NOT NULL CHECK (connection IN ('PUSH', 'PULL')),
    auth                       text        NOT NULL CHECK (auth IN ('STANDARD_WEBHOOKS', 'SHARED_SECRET', 'TYPEFORM',
                                                                    'WEBFLOW')),
    site_key                   text        NOT NULL CHECK (site_key ~ '^[a-z0-9-]{8,80}$'),
    campaign_id                uuid,
    status                     text        NOT NULL CHECK (status IN ('WAITING', 'CONNECTED', 'SILENT', 'ERROR',
                                                                      'PAUSED')),
    last_event_at              timestamptz,
    silent_since               timestamptz,
    silent_after_minutes       integer     NOT NULL DEFAULT 120 CHECK (silent_after_minutes BETWEEN 5 AND 43200),
    secret_sealed              text        NOT NULL,
    secret_last_four           text        NOT NULL,
    previous_secret_sealed     text,
    previous_secret_expires_at timestamptz,
    mapping                    jsonb       NOT NULL DEFAULT '{}',
    version                    bigint      NOT NULL DEFAULT 0,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sites_site_key_key ON sites (site_key);
CREATE UNIQUE INDEX sites_tenant_id_key ON sites (tenant_id, id);
CREATE UNIQUE INDEX sites_tenant_name_key ON sites (tenant_id, lower(name));
SELECT mc_enable_tenant_rls('sites');

-- Every request a site sent that passed its signature check, stored raw before anything is parsed: the headers
-- that matter (never the secret or signature), the body as received, and what processing made of it. delivery_id
-- is the sender's id of the delivery (webhook-id, Typeform's event_id, Webflow's submission id, Idempotency-Key):
-- the same delivery is stored and processed once.
CREATE TABLE site_events (
    id           uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    site_id      uuid        NOT NULL,
    delivery_id  text        CHECK (delivery_id IS NULL OR length(delivery_id) <= 200),
    received_at  timestamptz NOT NULL,
    headers      jsonb       NOT NULL DEFAULT '{}',
    body         text        NOT NULL,
    type         text        CHECK (type IS NULL OR type IN ('form_submit', 'booking', 'quote_request', 'call',
                                                             'email', 'page_view', 'custom')),
    status       text        NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSED', 'FAILED', 'IGNORED')),
    error        text        CHECK (error IS NULL OR length(error) <= 1000),
    contact_id   uuid,
    lead_id      uuid,
    properties   jsonb       NOT NULL DEFAULT '{}',
    attempt      integer     NOT NULL DEFAULT 1,
    processed_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX site_events_delivery_key ON site_events (site_id, delivery_id) WHERE delivery_id IS NOT NULL;
CREATE INDEX site_events_site_recent_idx ON site_events (tenant_id, site_id, received_at DESC);
CREATE INDEX site_events_contact_idx ON site_events (tenant_id, contact_id, received_at DESC)
    WHERE contact_id IS NOT NULL;
SELECT mc_enable_tenant_rls('site_events');

-- An ingest request names a site key, not a workspace. This function answers exactly one question (which site, of
-- which workspace, has this key) and nothing else; the rest runs under RLS, as identity_api_key_of_token (V0115).
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON sites FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION sites_site_of_key(p_key text)
RETURNS TABLE (id uuid, tenant_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT s.id, s.tenant_id FROM public.sites s WHERE s.site_key = p_key
$$;

-- The data monitor looks, every 15 minutes, at the workspaces that have sites that may have gone silent.
CREATE FUNCTION sites_tenants_with_sites() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT DISTINCT tenant_id FROM public.sites WHERE status IN ('CONNECTED', 'SILENT', 'WAITING')
$$;

REVOKE EXECUTE ON FUNCTION sites_site_of_key(text), sites_tenants_with_sites() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sites_site_of_key(text), sites_tenants_with_sites() TO ${app_role};
