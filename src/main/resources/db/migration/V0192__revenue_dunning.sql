-- Revenue: dunning. The schedule is a workspace setting (days from the due date; negative = before it; the last one
-- is the final notice); each due step of an unpaid invoice is drafted once as a reminder, reviewed (or approved
-- automatically when the workspace allows), sent through the outbound gateway, and stopped by the invoice's payment.
CREATE TABLE dunning_settings (
    tenant_id    uuid        NOT NULL PRIMARY KEY REFERENCES tenants (id),
    offsets      integer[]   NOT NULL,
    auto_approve boolean     NOT NULL DEFAULT false,
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('dunning_settings');

CREATE TABLE dunning_reminders (
    id             uuid        NOT NULL PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    invoice_id     uuid        NOT NULL,
    offset_days    integer     NOT NULL,
    final_notice   boolean     NOT NULL,
    due_on         date        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('DRAFTED', 'SENT', 'NOT_SENT', 'STOPPED')),
    message_status text,
    reason         text,
    decided_by     text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
CREATE UNIQUE INDEX dunning_reminders_step_key ON dunning_reminders (tenant_id, invoice_id, offset_days);
SELECT mc_enable_tenant_rls('dunning_reminders');

-- after the final notice went out the invoice waits for a person
ALTER TABLE invoices ADD COLUMN dunning_flagged_at timestamptz;

CREATE FUNCTION revenue_tenants_with_payable_invoices() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT DISTINCT tenant_id FROM public.invoices
    WHERE kind = 'INVOICE' AND status IN ('ISSUED', 'SENT', 'PARTIALLY_PAID', 'OVERDUE')
$$;

REVOKE EXECUTE ON FUNCTION revenue_tenants_with_payable_invoices() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION revenue_tenants_with_payable_invoices() TO ${app_role};
