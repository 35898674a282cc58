-- Every event of a workspace, in commit order per workspace; seq is the cursor of the feed and of live streams.
CREATE TABLE events (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    type         text        NOT NULL,
    category     text        NOT NULL CHECK (category IN ('INBOUND', 'THINKING', 'OUTBOUND', 'SYSTEM', 'COMMERCE', 'SAFETY', 'ERROR')),
    entity_type  text,
    entity_id    text,
    task_id      uuid,
    campaign_id  uuid,
    actor_type   text        NOT NULL CHECK (actor_type IN ('USER', 'AGENT', 'SYSTEM')),
    actor_id     text,
    actor_name   text,
    occurred_at  timestamptz NOT NULL,
    payload      jsonb       NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_tenant_seq_idx ON events (tenant_id, seq DESC);
CREATE INDEX events_tenant_entity_idx ON events (tenant_id, entity_type, entity_id, seq DESC);
CREATE INDEX events_tenant_campaign_idx ON events (tenant_id, campaign_id, seq DESC) WHERE campaign_id IS NOT NULL;
CREATE INDEX events_tenant_task_idx ON events (tenant_id, task_id, seq DESC) WHERE task_id IS NOT NULL;
CREATE INDEX events_tenant_type_idx ON events (tenant_id, type text_pattern_ops, seq DESC);
SELECT mc_enable_tenant_rls('events');

-- Who changed what, append-only: the database itself refuses to change or remove a row.
CREATE TABLE audit_log (
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             uuid        NOT NULL UNIQUE,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    event_id       uuid        REFERENCES events (id),
    actor_type     text        NOT NULL CHECK (actor_type IN ('USER', 'AGENT', 'SYSTEM')),
    actor_id       text,
    actor_name     text,
    action         text        NOT NULL,
    entity_type    text,
    entity_id      text,
    before         jsonb,
    after          jsonb,
    request_id     text,
    client_address text,
    occurred_at    timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_tenant_seq_idx ON audit_log (tenant_id, seq DESC);
CREATE INDEX audit_log_tenant_entity_idx ON audit_log (tenant_id, entity_type, entity_id);
SELECT mc_enable_tenant_rls('audit_log');

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${app_role};
