-- Revenue: invoices and credit notes with their lines and payments. A number is given when the invoice is issued,
-- never while it is a draft: gapless per workspace and series (INV-2026-0001), from a counter row whose lock
-- serialises concurrent issuing across nodes and which rolls back with a failed issue.
CREATE TABLE invoices (
    id                 uuid        NOT NULL PRIMARY KEY,
    tenant_id          uuid        NOT NULL REFERENCES tenants (id),
    kind               text        NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    deal_id            uuid,
    contact_id         uuid,
    credit_for_id      uuid,
    series             text,
    seq                integer     CHECK (seq > 0),
    number             text,
    status             text        NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'SENT', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'VOID')),
    currency           text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    exchange_rate      numeric     CHECK (exchange_rate > 0),
    customer_name      text,
    customer_email     text,
    customer_address   text,
    issue_date         date,
    due_date           date,
    payment_terms_days integer     NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
    notes              text,
    subtotal           numeric     NOT NULL DEFAULT 0,
    tax                numeric     NOT NULL DEFAULT 0,
    total              numeric     NOT NULL DEFAULT 0,
    paid               numeric     NOT NULL DEFAULT 0 CHECK (paid >= 0),
    issued_at          timestamptz,
    sent_at            timestamptz,
    paid_at            timestamptz,
    voided_at          timestamptz,
    void_reason        text,
    version            bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id),
    CHECK ((status = 'DRAFT') = (number IS NULL)),
    CHECK (paid <= total)
);
CREATE UNIQUE INDEX invoices_tenant_id_key ON invoices (tenant_id, id);
CREATE UNIQUE INDEX invoices_tenant_series_seq_key ON invoices (tenant_id, series, seq) WHERE seq IS NOT NULL;
CREATE UNIQUE INDEX invoices_tenant_number_key ON invoices (tenant_id, number) WHERE number IS NOT NULL;
CREATE INDEX invoices_tenant_status_idx ON invoices (tenant_id, status, due_date);
CREATE INDEX invoices_tenant_deal_idx ON invoices (tenant_id, deal_id);
ALTER TABLE invoices ADD FOREIGN KEY (tenant_id, credit_for_id) REFERENCES invoices (tenant_id, id);
SELECT mc_enable_tenant_rls('invoices');

CREATE TABLE invoice_lines (
    invoice_id  uuid          NOT NULL,
    position    integer       NOT NULL CHECK (position >= 0),
    tenant_id   uuid          NOT NULL REFERENCES tenants (id),
    description text          NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    quantity    numeric       NOT NULL CHECK (quantity > 0),
    unit_price  numeric       NOT NULL CHECK (unit_price >= 0),
    tax_rate    numeric(5, 2) NOT NULL CHECK (tax_rate BETWEEN 0 AND 100),
    net         numeric       NOT NULL,
    tax         numeric       NOT NULL,
    total       numeric       NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (invoice_id, position),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);
SELECT mc_enable_tenant_rls('invoice_lines');

CREATE TABLE invoice_payments (
    invoice_id  uuid        NOT NULL,
    payment_id  uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    amount      numeric     NOT NULL CHECK (amount > 0),
    paid_on     date        NOT NULL,
    method      text        NOT NULL,
    reference   text,
    recorded_by text,
    recorded_at timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX invoice_payments_invoice_idx ON invoice_payments (tenant_id, invoice_id);
SELECT mc_enable_tenant_rls('invoice_payments');

CREATE TABLE invoice_counters (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    series     text        NOT NULL,
    last_value integer     NOT NULL CHECK (last_value > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, series)
);
SELECT mc_enable_tenant_rls('invoice_counters');

-- The daily overdue check runs outside any workspace; it asks which workspaces have invoices that could fall due
-- (row-level security would hide them), then marks each workspace's under its own row-level security.
CREATE FUNCTION revenue_tenants_with_open_invoices() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT DISTINCT tenant_id FROM public.invoices
    WHERE kind = 'INVOICE' AND status IN ('ISSUED', 'SENT', 'PARTIALLY_PAID')
$$;

REVOKE EXECUTE ON FUNCTION revenue_tenants_with_open_invoices() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION revenue_tenants_with_open_invoices() TO ${app_role};
