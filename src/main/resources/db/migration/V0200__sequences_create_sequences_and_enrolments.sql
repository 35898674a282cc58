-- Sequences: a campaign's ordered steps (at most 10, kept as one jsonb list with their A/B variants), the leads
-- enrolled in them (a lead at most once per sequence) with their state and next step time, and one row per step an
-- enrolment ran (what it produced: an email, a draft for approval, a task; and what the recipient did with it).
CREATE TABLE sequences (
    id                  uuid        NOT NULL PRIMARY KEY,
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    campaign_id         uuid        NOT NULL REFERENCES campaigns (id),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status              text        NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED')),
    steps               jsonb       NOT NULL DEFAULT '[]'::jsonb,
    content_approved_by text,
    content_approved_at timestamptz,
    winner_takes_all    jsonb,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sequences_tenant_id_key ON sequences (tenant_id, id);
CREATE INDEX sequences_tenant_campaign_idx ON sequences (tenant_id, campaign_id);
SELECT mc_enable_tenant_rls('sequences');

CREATE TABLE sequence_enrolments (
    id             uuid        NOT NULL PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    sequence_id    uuid        NOT NULL,
    lead_id        uuid        NOT NULL REFERENCES leads (id),
    contact_id     uuid        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'FINISHED', 'STOPPED')),
    current_step   integer     NOT NULL CHECK (current_step >= 1),
    next_step_at   timestamptz,
    stopped_reason text,
    version        bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, sequence_id) REFERENCES sequences (tenant_id, id)
);
CREATE UNIQUE INDEX sequence_enrolments_once_key ON sequence_enrolments (tenant_id, sequence_id, lead_id);
CREATE UNIQUE INDEX sequence_enrolments_tenant_id_key ON sequence_enrolments (tenant_id, id);
CREATE INDEX sequence_enrolments_contact_idx ON sequence_enrolments (tenant_id, contact_id) WHERE status IN ('ACTIVE', 'PAUSED');
CREATE INDEX sequence_enrolments_lead_idx ON sequence_enrolments (tenant_id, lead_id) WHERE status IN ('ACTIVE', 'PAUSED');
SELECT mc_enable_tenant_rls('sequence_enrolments');

CREATE TABLE sequence_step_runs (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    enrolment_id    uuid        NOT NULL,
    sequence_id     uuid        NOT NULL,
    step_id         uuid        NOT NULL,
    position        integer     NOT NULL,
    kind            text        NOT NULL,
    variant_id      uuid,
    outcome         text        NOT NULL,
    email_id        uuid,
    draft_id        uuid,
    task_id         uuid,
    sent_at         timestamptz,
    opened_at       timestamptz,
    clicked_at      timestamptz,
    replied_at      timestamptz,
    bounced_at      timestamptz,
    unsubscribed_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, enrolment_id) REFERENCES sequence_enrolments (tenant_id, id)
);
-- a step runs once per enrolment, whatever the node or the restart
CREATE UNIQUE INDEX sequence_step_runs_once_key ON sequence_step_runs (tenant_id, enrolment_id, position);
CREATE INDEX sequence_step_runs_email_idx ON sequence_step_runs (tenant_id, email_id) WHERE email_id IS NOT NULL;
CREATE INDEX sequence_step_runs_draft_idx ON sequence_step_runs (tenant_id, draft_id) WHERE draft_id IS NOT NULL;
CREATE INDEX sequence_step_runs_sequence_idx ON sequence_step_runs (tenant_id, sequence_id, position);
SELECT mc_enable_tenant_rls('sequence_step_runs');

CREATE TABLE sequence_settings (
    tenant_id                 uuid        NOT NULL PRIMARY KEY REFERENCES tenants (id),
    send_approved_without_review boolean  NOT NULL DEFAULT false,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now()
);
SELECT mc_enable_tenant_rls('sequence_settings');
