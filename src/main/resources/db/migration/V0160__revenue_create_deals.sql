-- Revenue: the workspace's pipeline stages (an ordered list, each with a probability and a kind), deals on them, and
-- every stage change a deal went through (who, when, from, to, how long it sat in the stage it left).
CREATE TABLE pipeline_stages (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    position    integer     NOT NULL CHECK (position >= 0),
    probability integer     NOT NULL CHECK (probability BETWEEN 0 AND 100),
    kind        text        NOT NULL CHECK (kind IN ('OPEN', 'WON', 'LOST')),
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX pipeline_stages_tenant_name_key ON pipeline_stages (tenant_id, lower(name));
CREATE UNIQUE INDEX pipeline_stages_tenant_id_key ON pipeline_stages (tenant_id, id);
SELECT mc_enable_tenant_rls('pipeline_stages');

CREATE TABLE deals (
    id                  uuid        NOT NULL PRIMARY KEY,
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    contact_id          uuid        NOT NULL,
    lead_id             uuid        REFERENCES leads (id),
    company_id          uuid,
    company_name        text,
    amount              numeric     NOT NULL CHECK (amount >= 0),
    list_amount         numeric     NOT NULL CHECK (list_amount >= 0),
    currency            text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- the stage must be one of the deal's own workspace: the composite key makes another workspace's stage impossible
    stage_id            uuid        NOT NULL,
    probability         integer     NOT NULL CHECK (probability BETWEEN 0 AND 100),
    expected_close_date date,
    owner_id            uuid,
    source_campaign_id  uuid,
    next_step           text,
    lost_reason         text,
    stage_entered_at    timestamptz NOT NULL,
    closed_at           timestamptz,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, stage_id) REFERENCES pipeline_stages (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE UNIQUE INDEX deals_tenant_lead_key ON deals (tenant_id, lead_id) WHERE lead_id IS NOT NULL;
CREATE UNIQUE INDEX deals_tenant_id_key ON deals (tenant_id, id);
CREATE INDEX deals_tenant_stage_idx ON deals (tenant_id, stage_id);
CREATE INDEX deals_tenant_close_idx ON deals (tenant_id, expected_close_date);
CREATE INDEX deals_tenant_contact_idx ON deals (tenant_id, contact_id);
SELECT mc_enable_tenant_rls('deals');

CREATE TABLE deal_stage_changes (
    id                    uuid        NOT NULL PRIMARY KEY,
    tenant_id             uuid        NOT NULL REFERENCES tenants (id),
    deal_id               uuid        NOT NULL,
    from_stage_id         uuid,
    to_stage_id           uuid        NOT NULL,
    actor_type            text        NOT NULL,
    actor_id              text,
    actor_name            text,
    changed_at            timestamptz NOT NULL,
    seconds_in_from_stage bigint,
    lost_reason           text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX deal_stage_changes_deal_idx ON deal_stage_changes (tenant_id, deal_id, changed_at);
SELECT mc_enable_tenant_rls('deal_stage_changes');

-- The workspace's revenue settings: the largest discount a person or agent may offer without an admin's exception,
-- and what its invoices say about the seller. No row: the defaults (20 %, the workspace's name).
CREATE TABLE revenue_settings (
    tenant_id            uuid          NOT NULL PRIMARY KEY REFERENCES tenants (id),
    max_discount_percent numeric(5, 2) NOT NULL DEFAULT 20 CHECK (max_discount_percent BETWEEN 0 AND 100),
    seller_address       text,
    seller_tax_id        text,
    version              bigint        NOT NULL DEFAULT 0,
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('revenue_settings');
