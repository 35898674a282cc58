-- A workspace's logo, set by its admins on the Settings page: a validated PNG, JPEG or GIF of at most 256 KB. Kept
-- apart from tenants so that reading a workspace (every request) never loads the image.
CREATE TABLE workspace_logos (
    id           uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL UNIQUE REFERENCES tenants (id),
    content_type text        NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif')),
    image        bytea       NOT NULL CHECK (octet_length(image) BETWEEN 1 AND 262144),
    width        integer     NOT NULL CHECK (width BETWEEN 1 AND 2048),
    height       integer     NOT NULL CHECK (height BETWEEN 1 AND 2048),
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('workspace_logos');
