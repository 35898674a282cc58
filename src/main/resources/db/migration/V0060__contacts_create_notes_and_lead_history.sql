-- Notes people write on a contact's page.
CREATE TABLE contact_notes (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    contact_id  uuid        NOT NULL,
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    author_type text        NOT NULL,
    author_id   text,
    author_name text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX contact_notes_contact_idx ON contact_notes (tenant_id, contact_id, created_at DESC);
SELECT mc_enable_tenant_rls('contact_notes');

-- What happened to a lead's status and score, written in the transaction that changed it (the contact's timeline).
CREATE TABLE lead_history (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    lead_id     uuid        NOT NULL,
    contact_id  uuid        NOT NULL,
    campaign_id uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('ENROLLED', 'STATUS', 'SCORE')),
    from_value  text,
    to_value    text,
    reason      text,
    actor_type  text        NOT NULL,
    actor_id    text,
    actor_name  text,
    occurred_at timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id)
);
CREATE INDEX lead_history_contact_idx ON lead_history (tenant_id, contact_id, occurred_at DESC);
SELECT mc_enable_tenant_rls('lead_history');

-- The contacts list sorts by name and company.
CREATE INDEX contacts_tenant_name_idx ON contacts (tenant_id, lower(coalesce(last_name, '')), lower(coalesce(first_name, '')));
CREATE INDEX contacts_tenant_company_idx ON contacts (tenant_id, lower(coalesce(company, '')));
