-- How each user likes the dashboard shell: for now whether the sidebar is collapsed to icons. One row per user,
-- written the first time they change something.
CREATE TABLE dashboard_preferences (
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    user_id           uuid        NOT NULL,
    sidebar_collapsed boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
SELECT mc_enable_tenant_rls('dashboard_preferences');
