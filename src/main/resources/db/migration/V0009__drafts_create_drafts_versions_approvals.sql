-- A message in the making. It belongs to a campaign of its own workspace and, optionally, one of its leads.
CREATE TABLE drafts (
    id             uuid        NOT NULL PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    campaign_id    uuid        NOT NULL,
    lead_id        uuid,
    channel        text        NOT NULL CHECK (channel IN ('EMAIL', 'WHATSAPP', 'FACEBOOK', 'INSTAGRAM', 'LINKEDIN', 'SMS')),
    subject        text,
    body_text      text        NOT NULL,
    body_html      text,
    status         text        NOT NULL CHECK (status IN ('DRAFT', 'NEEDS_APPROVAL', 'APPROVED', 'REJECTED')),
    author_type    text        NOT NULL CHECK (author_type IN ('USER', 'AGENT', 'SYSTEM')),
    author_id      text,
    author_name    text,
    checks         jsonb,
    confidence     numeric(4, 3) CHECK (confidence BETWEEN 0 AND 1),
    priority       text        NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    version_number integer     NOT NULL,
    notes          text,
    submitted_at   timestamptz,
    decided_at     timestamptz,
    version        bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id)
);
CREATE UNIQUE INDEX drafts_tenant_id_key ON drafts (tenant_id, id);
CREATE INDEX drafts_inbox_idx ON drafts (tenant_id, status, submitted_at);
CREATE INDEX drafts_tenant_campaign_idx ON drafts (tenant_id, campaign_id, created_at DESC);
SELECT mc_enable_tenant_rls('drafts');

-- Every content of a draft, numbered; never changed once written.
CREATE TABLE draft_versions (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    draft_id    uuid        NOT NULL,
    number      integer     NOT NULL CHECK (number >= 1),
    subject     text,
    body_text   text        NOT NULL,
    body_html   text,
    author_type text        NOT NULL,
    author_id   text,
    author_name text,
    reason      text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, draft_id) REFERENCES drafts (tenant_id, id)
);
CREATE UNIQUE INDEX draft_versions_number_key ON draft_versions (tenant_id, draft_id, number);
SELECT mc_enable_tenant_rls('draft_versions');

-- The decisions taken on drafts.
CREATE TABLE approvals (
    id             uuid        NOT NULL PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    draft_id       uuid        NOT NULL,
    action         text        NOT NULL CHECK (action IN ('APPROVE', 'REJECT', 'REQUEST_CHANGES', 'EDIT_INLINE_APPROVE',
                                   'APPROVE_WITH_NOTES')),
    actor_type     text        NOT NULL,
    actor_id       text,
    actor_name     text,
    notes          text,
    version_number integer     NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, draft_id) REFERENCES drafts (tenant_id, id)
);
CREATE INDEX approvals_draft_idx ON approvals (tenant_id, draft_id, created_at);
SELECT mc_enable_tenant_rls('approvals');
