-- The task board.
CREATE TABLE tasks (
    id            uuid        NOT NULL PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description   text,
    board_column  text        NOT NULL CHECK (board_column IN ('BACKLOG', 'DOING', 'NEEDS_APPROVAL', 'DONE')),
    position      integer     NOT NULL CHECK (position >= 0),
    assignee_type text        CHECK (assignee_type IN ('USER', 'AGENT')),
    assignee_id   text,
    draft_id      uuid,
    lead_id       uuid,
    campaign_id   uuid,
    priority      text        NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    due_at        timestamptz,
    labels        jsonb       NOT NULL DEFAULT '[]',
    progress      integer     CHECK (progress BETWEEN 0 AND 100),
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_board_idx ON tasks (tenant_id, board_column, position);
CREATE UNIQUE INDEX tasks_tenant_id_key ON tasks (tenant_id, id);
SELECT mc_enable_tenant_rls('tasks');

-- Each task's own timeline, in order: what changed, by whom. Replaying it rebuilds the task.
CREATE TABLE task_events (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    task_id    uuid        NOT NULL,
    type       text        NOT NULL,
    actor_type text        NOT NULL,
    actor_id   text,
    actor_name text,
    change     jsonb       NOT NULL,
    occurred_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id)
);
CREATE INDEX task_events_task_idx ON task_events (tenant_id, task_id, seq);
SELECT mc_enable_tenant_rls('task_events');
