-- The application's runtime role: not a superuser and not the owner of any table, so row-level security
-- applies to every query it runs. Roles are cluster-wide, hence the existence check.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS', '${app_role}');
    END IF;
    -- the login user must be allowed to SET ROLE to it
    EXECUTE format('GRANT %I TO %I', '${app_role}', current_user);
END
$$;

GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${app_role};

-- Every tenant-owned table calls this: RLS enabled and forced, rows visible only to the transaction's tenant.
CREATE FUNCTION mc_enable_tenant_rls(target regclass, tenant_column text DEFAULT 'tenant_id') RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (%I = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) '
                   'WITH CHECK (%I = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
                   target, tenant_column, tenant_column);
END
$$;
REVOKE EXECUTE ON FUNCTION mc_enable_tenant_rls(regclass, text) FROM PUBLIC, ${app_role};

-- Spring Modulith's event publication registry (schema of spring-modulith-events-jdbc 1.4).
-- Not tenant-owned: it holds every module's pending deliveries and is read by the resubmission job.
CREATE TABLE event_publication (
    id               uuid        NOT NULL PRIMARY KEY,
    listener_id      text        NOT NULL,
    event_type       text        NOT NULL,
    serialized_event text        NOT NULL,
    publication_date timestamptz NOT NULL,
    completion_date  timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
