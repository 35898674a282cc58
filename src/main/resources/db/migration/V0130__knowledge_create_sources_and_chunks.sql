-- A source of knowledge: an uploaded file or a web page, for the whole workspace (campaign_id null) or one
-- campaign, and how far its ingestion got (QUEUED -> PARSING -> EMBEDDING -> READY, or FAILED with a reason).
CREATE TABLE knowledge_sources (
    id                 uuid        NOT NULL PRIMARY KEY,
    tenant_id          uuid        NOT NULL REFERENCES tenants (id),
    campaign_id        uuid,
    kind               text        NOT NULL CHECK (kind IN ('FILE', 'URL')),
    name               text        NOT NULL,
    url                text,
    file_type          text        NOT NULL CHECK (file_type IN ('PDF', 'DOCX', 'TXT', 'MARKDOWN', 'HTML')),
    size_bytes         bigint      NOT NULL CHECK (size_bytes >= 0),
    status             text        NOT NULL CHECK (status IN ('QUEUED', 'PARSING', 'EMBEDDING', 'READY', 'FAILED')),
    chunks_total       integer     NOT NULL DEFAULT 0,
    chunks_done        integer     NOT NULL DEFAULT 0,
    chunk_count        integer     NOT NULL DEFAULT 0,
    duplicates_skipped integer     NOT NULL DEFAULT 0,
    pages              integer,
    error              text,
    attempt            integer     NOT NULL DEFAULT 1,
    embedding_model    text,
    created_by_type    text        NOT NULL,
    created_by_id      text,
    created_by_name    text,
    ingested_at        timestamptz,
    version            bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX knowledge_sources_tenant_id_key ON knowledge_sources (tenant_id, id);
CREATE INDEX knowledge_sources_tenant_created_idx ON knowledge_sources (tenant_id, created_at DESC);
SELECT mc_enable_tenant_rls('knowledge_sources');

-- The bytes a source was read from (the uploaded file, the fetched page), kept apart so listing never reads them
-- and any node can (re-)ingest.
CREATE TABLE knowledge_source_contents (
    source_id  uuid        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    media_type text,
    content    bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, source_id) REFERENCES knowledge_sources (tenant_id, id) ON DELETE CASCADE
);
SELECT mc_enable_tenant_rls('knowledge_source_contents');

-- A passage of a source: its text, where it came from (page or heading, position), the SHA-256 of its normalised
-- text (one copy per scope), its vector (float32 little-endian, L2-normalised) and its full-text vector.
-- seq orders chunks as they were written, so a node's in-memory index can load only what is new.
CREATE TABLE knowledge_chunks (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    source_id       uuid        NOT NULL,
    campaign_id     uuid,
    seq             bigserial   NOT NULL,
    position        integer     NOT NULL,
    page            integer,
    heading         text,
    text            text        NOT NULL,
    content_hash    text        NOT NULL,
    embedding       bytea       NOT NULL,
    embedding_model text        NOT NULL,
    tsv             tsvector    GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', coalesce(heading, '')), 'B')
                        || setweight(to_tsvector('english', text), 'A')) STORED,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, source_id) REFERENCES knowledge_sources (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX knowledge_chunks_one_per_scope
    ON knowledge_chunks (tenant_id, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'), content_hash);
CREATE INDEX knowledge_chunks_source_idx ON knowledge_chunks (tenant_id, source_id, position);
CREATE INDEX knowledge_chunks_seq_idx ON knowledge_chunks (tenant_id, seq);
CREATE INDEX knowledge_chunks_tsv_idx ON knowledge_chunks USING gin (tsv);
SELECT mc_enable_tenant_rls('knowledge_chunks');

-- Per workspace: a counter bumped with every change of its chunks and one bumped when chunks are removed. Every
-- node compares them with its in-memory index before a search, so a node that missed a change catches up from the
-- database (appending new chunks, or reloading after a removal).
CREATE TABLE knowledge_index_state (
    tenant_id  uuid        NOT NULL PRIMARY KEY REFERENCES tenants (id),
    generation bigint      NOT NULL DEFAULT 0,
    removals   bigint      NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('knowledge_index_state');
