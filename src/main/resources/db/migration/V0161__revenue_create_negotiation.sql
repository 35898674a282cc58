-- Revenue: each offer or counter-offer on a deal, ours or theirs, by a person or an agent, with its discount from the
-- deal's list amount. An offer of ours above the workspace's discount cap exists only with an admin's exception.
CREATE TABLE negotiation_entries (
    id                 uuid          NOT NULL PRIMARY KEY,
    tenant_id          uuid          NOT NULL REFERENCES tenants (id),
    deal_id            uuid          NOT NULL,
    party              text          NOT NULL CHECK (party IN ('US', 'THEM')),
    author_kind        text          NOT NULL CHECK (author_kind IN ('PERSON', 'AGENT')),
    author_id          text,
    author_name        text          NOT NULL,
    amount             numeric       NOT NULL CHECK (amount >= 0),
    list_amount        numeric       NOT NULL CHECK (list_amount >= 0),
    currency           text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    discount_percent   numeric(7, 2) NOT NULL,
    terms              text,
    payment_terms_days integer       CHECK (payment_terms_days BETWEEN 0 AND 365),
    channel            text          NOT NULL,
    note               text,
    cap_percent        numeric(5, 2) NOT NULL,
    exception_reason   text,
    exception_by       text,
    version            bigint        NOT NULL DEFAULT 0,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id) ON DELETE CASCADE,
    -- our discount above the cap only with an exception's reason
    CHECK (party = 'THEM' OR discount_percent <= cap_percent OR exception_reason IS NOT NULL)
);
CREATE INDEX negotiation_entries_deal_idx ON negotiation_entries (tenant_id, deal_id, created_at);
SELECT mc_enable_tenant_rls('negotiation_entries');
