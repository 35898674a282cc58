-- Revenue: contracts drafted from a deal on a template with merge fields, in numbered versions. DRAFT -> IN_REVIEW
-- (a draft in the approval inbox) -> APPROVED -> SENT (emailed with its PDF) -> SIGNED, DECLINED or EXPIRED.
CREATE TABLE contracts (
    id               uuid        NOT NULL PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    deal_id          uuid        NOT NULL,
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    template         text        NOT NULL,
    terms            text,
    status           text        NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'SENT', 'SIGNED', 'DECLINED', 'EXPIRED')),
    review_draft_id  uuid,
    review_notes     text,
    reviewed_by      text,
    expires_on       date,
    sent_at          timestamptz,
    sent_to          text,
    signed_at        timestamptz,
    signed_by        text,
    signed_recorded_by text,
    signed_copy_name text,
    declined_at      timestamptz,
    decline_reason   text,
    version          bigint      NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id)
);
CREATE UNIQUE INDEX contracts_tenant_id_key ON contracts (tenant_id, id);
CREATE INDEX contracts_tenant_deal_idx ON contracts (tenant_id, deal_id, created_at);
CREATE UNIQUE INDEX contracts_review_draft_key ON contracts (tenant_id, review_draft_id) WHERE review_draft_id IS NOT NULL;
CREATE INDEX contracts_tenant_sent_idx ON contracts (tenant_id, expires_on) WHERE status = 'SENT';
SELECT mc_enable_tenant_rls('contracts');

CREATE TABLE contract_versions (
    contract_id uuid        NOT NULL,
    position    integer     NOT NULL CHECK (position >= 0),
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    number      integer     NOT NULL CHECK (number > 0),
    body        text        NOT NULL,
    reason      text        NOT NULL,
    author      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (contract_id, position),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id) ON DELETE CASCADE
);
SELECT mc_enable_tenant_rls('contract_versions');

-- the signed copy a person uploads (a PDF, sniffed, at most 10 MB), kept apart so loading a contract stays small
CREATE TABLE contract_signed_copies (
    contract_id  uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    filename     text        NOT NULL,
    content      bytea       NOT NULL,
    sha256       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id) ON DELETE CASCADE
);
SELECT mc_enable_tenant_rls('contract_signed_copies');

-- the workspaces with sent contracts, for the daily expiry check (which then works inside each workspace)
CREATE FUNCTION revenue_tenants_with_sent_contracts() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT DISTINCT tenant_id FROM public.contracts WHERE status = 'SENT' AND expires_on IS NOT NULL
$$;

REVOKE EXECUTE ON FUNCTION revenue_tenants_with_sent_contracts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION revenue_tenants_with_sent_contracts() TO ${app_role};
