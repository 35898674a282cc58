-- The golden record of a person in a workspace: the same email or phone is the same contact.
CREATE TABLE contacts (
    id            uuid        NOT NULL PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    first_name    text,
    last_name     text,
    email         text CHECK (email = lower(email)),
    phone         text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    company       text,
    job_title     text,
    city          text,
    country       text,
    timezone      text,
    source        text,
    tags          jsonb       NOT NULL DEFAULT '[]',
    custom_fields jsonb       NOT NULL DEFAULT '{}',
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz
);
CREATE UNIQUE INDEX contacts_tenant_email_key ON contacts (tenant_id, email) WHERE email IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX contacts_tenant_phone_key ON contacts (tenant_id, phone) WHERE phone IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX contacts_tenant_id_key ON contacts (tenant_id, id);
CREATE INDEX contacts_tenant_created_idx ON contacts (tenant_id, created_at DESC);
SELECT mc_enable_tenant_rls('contacts');

-- A contact enrolled in a campaign. The composite keys make sure both belong to the lead's own workspace.
CREATE TABLE leads (
    id                    uuid          NOT NULL PRIMARY KEY,
    tenant_id             uuid          NOT NULL REFERENCES tenants (id),
    campaign_id           uuid          NOT NULL,
    contact_id            uuid          NOT NULL,
    status                text          NOT NULL CHECK (status IN ('NEW', 'ENRICHED', 'DRAFTED', 'APPROVED', 'CONTACTED',
                              'REPLIED', 'INTERESTED', 'BOOKED', 'WON', 'LOST', 'SNOOZED', 'DND')),
    score                 text          CHECK (score IN ('A', 'B', 'C')),
    score_reason          text,
    score_override        text          CHECK (score_override IN ('A', 'B', 'C')),
    score_override_reason text,
    potential_value       numeric(14, 2) CHECK (potential_value >= 0),
    currency              text          CHECK (currency ~ '^[A-Z]{3}$'),
    sentiment             numeric(4, 3) CHECK (sentiment BETWEEN -1 AND 1),
    owner_id              uuid,
    last_contacted_at     timestamptz,
    next_action           text,
    version               bigint        NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL DEFAULT now(),
    updated_at            timestamptz   NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
    CHECK ((score_override IS NULL) = (score_override_reason IS NULL))
);
CREATE UNIQUE INDEX leads_campaign_contact_key ON leads (tenant_id, campaign_id, contact_id);
CREATE UNIQUE INDEX leads_tenant_id_key ON leads (tenant_id, id);
CREATE INDEX leads_tenant_status_idx ON leads (tenant_id, campaign_id, status);
CREATE INDEX leads_tenant_contact_idx ON leads (tenant_id, contact_id);
SELECT mc_enable_tenant_rls('leads');
