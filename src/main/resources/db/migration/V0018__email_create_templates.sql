-- Email templates: a subject and a body with merge fields ({{firstName|there}}), shared by the workspace. Usage and
-- open and reply rates are not stored: they are counted from the emails sent with the template.
CREATE TABLE email_templates (
    id          uuid        NOT NULL PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    title       text        NOT NULL,
    description text,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    category    text        NOT NULL DEFAULT 'General',
    tone        text,
    favourite   boolean     NOT NULL DEFAULT false,
    created_by  text,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX email_templates_tenant_id_key ON email_templates (tenant_id, id);
CREATE INDEX email_templates_tenant_list_idx ON email_templates (tenant_id, favourite DESC, updated_at DESC);
-- the template rates count emails per template
CREATE INDEX emails_template_rates_idx ON emails (tenant_id, template_id) WHERE template_id IS NOT NULL;
SELECT mc_enable_tenant_rls('email_templates');
