-- A contact import: the uploaded file, its column mapping, and how far the background work got.
CREATE TABLE imports (
    id               uuid        NOT NULL PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    file_name        text        NOT NULL,
    format           text        NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    size_bytes       bigint      NOT NULL CHECK (size_bytes >= 0),
    headers          jsonb       NOT NULL,
    header_key       text        NOT NULL,
    columns          jsonb,
    mapping_remembered boolean   NOT NULL DEFAULT false,
    campaign_id      uuid,
    status           text        NOT NULL CHECK (status IN ('UPLOADED', 'QUEUED', 'RUNNING', 'COMPLETED', 'CANCELLED', 'FAILED')),
    total_rows       integer     NOT NULL CHECK (total_rows >= 0),
    next_row         integer     NOT NULL DEFAULT 0,
    processed_rows   integer     NOT NULL DEFAULT 0,
    created_count    integer     NOT NULL DEFAULT 0,
    updated_count    integer     NOT NULL DEFAULT 0,
    skipped_count    integer     NOT NULL DEFAULT 0,
    failed_count     integer     NOT NULL DEFAULT 0,
    enrolled_count   integer     NOT NULL DEFAULT 0,
    cancel_requested boolean     NOT NULL DEFAULT false,
    error            text,
    created_by_type  text        NOT NULL,
    created_by_id    text,
    created_by_name  text,
    started_at       timestamptz,
    finished_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX imports_tenant_id_key ON imports (tenant_id, id);
CREATE INDEX imports_tenant_created_idx ON imports (tenant_id, created_at DESC);
SELECT mc_enable_tenant_rls('imports');

-- The uploaded bytes, kept apart from the job row so listing imports never reads them; any node can run the import.
CREATE TABLE import_files (
    import_id  uuid        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    content    bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id) ON DELETE CASCADE
);
SELECT mc_enable_tenant_rls('import_files');

-- Rows that were not imported, with the reason (downloadable after the import).
CREATE TABLE import_row_issues (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    import_id  uuid        NOT NULL,
    row_number integer     NOT NULL,
    outcome    text        NOT NULL CHECK (outcome IN ('FAILED', 'SKIPPED')),
    reason     text        NOT NULL,
    cells      jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, import_id, row_number),
    FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id) ON DELETE CASCADE
);
SELECT mc_enable_tenant_rls('import_row_issues');

-- The mapping a workspace last used for a file with exactly these headers, offered again next time.
CREATE TABLE import_mappings (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    header_key text        NOT NULL,
    columns    jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, header_key)
);
SELECT mc_enable_tenant_rls('import_mappings');
