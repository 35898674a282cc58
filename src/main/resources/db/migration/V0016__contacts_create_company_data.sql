-- What the workspace knows about companies, keyed by email domain; the enrichment agent looks leads up here.
CREATE TABLE company_data (
    id         uuid        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    domain     text        NOT NULL CHECK (domain = lower(domain) AND domain ~ '^[a-z0-9.-]+\.[a-z]{2,}$'),
    name       text        NOT NULL,
    industry   text,
    size       text,
    employees  integer CHECK (employees >= 0),
    city       text,
    country    text,
    timezone   text,
    website    text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX company_data_tenant_domain ON company_data (tenant_id, domain);
SELECT mc_enable_tenant_rls('company_data');
