-- Revenue: the messages revenue hands to the outbound gateway (an invoice, later contracts and reminders), so a
-- deal's timeline shows them. The gateway's own log keeps the full message; this row says what it was about.
CREATE TABLE revenue_messages (
    id           uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    deal_id      uuid,
    invoice_id   uuid,
    subject_kind text        NOT NULL CHECK (subject_kind IN ('INVOICE', 'CONTRACT', 'REMINDER')),
    subject_id   uuid        NOT NULL,
    attempt      integer     NOT NULL CHECK (attempt > 0),
    outbound_id  uuid        NOT NULL,
    to_address   text        NOT NULL,
    subject      text,
    attachment   text,
    status       text        NOT NULL,
    reason       text,
    requested_by text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
CREATE UNIQUE INDEX revenue_messages_attempt_key ON revenue_messages (tenant_id, subject_kind, subject_id, attempt);
CREATE INDEX revenue_messages_deal_idx ON revenue_messages (tenant_id, deal_id, created_at);
SELECT mc_enable_tenant_rls('revenue_messages');
