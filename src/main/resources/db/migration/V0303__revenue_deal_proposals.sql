-- The sales agent's proposal to open a deal for an interested or booked lead: reviewed in the approval inbox (a
-- leadless draft of the lead's campaign, so nothing is sent), the deal opened only when a person approves. The amount
-- is the lead's potential value when it has one with a currency, otherwise empty (amount_note says why) and the deal
-- waits for a person to give it. At most one proposal per lead, ever.
CREATE TABLE deal_proposals (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    lead_id         uuid        NOT NULL,
    contact_id      uuid        NOT NULL,
    campaign_id     uuid        NOT NULL,
    run_id          uuid,
    name            text        NOT NULL,
    amount          numeric     CHECK (amount >= 0),
    currency        text        CHECK (currency ~ '^[A-Z]{3}$'),
    amount_note     text,
    status          text        NOT NULL CHECK (status IN ('WAITING', 'APPROVED', 'AWAITING_AMOUNT', 'REJECTED',
                                                           'CHANGES_REQUESTED', 'NOT_OPENED')),
    review_draft_id uuid,
    deal_id         uuid,
    decision        text,
    notes           text,
    decided_by      jsonb,
    decided_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((amount IS NULL) = (currency IS NULL)),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE UNIQUE INDEX deal_proposals_tenant_id_key ON deal_proposals (tenant_id, id);
CREATE UNIQUE INDEX deal_proposals_tenant_lead_key ON deal_proposals (tenant_id, lead_id);
CREATE INDEX deal_proposals_tenant_draft_idx ON deal_proposals (tenant_id, review_draft_id);
CREATE INDEX deal_proposals_tenant_created_idx ON deal_proposals (tenant_id, created_at DESC);
SELECT mc_enable_tenant_rls('deal_proposals');
