-- A task's position is unique within its workspace's column, enforced here so two people dragging cards at once can
-- never leave two cards on one spot. Deferred to the commit: a move shifts the cards around it in several
-- statements, and only the end state has to hold. Positions left duplicated or with gaps by an older version are
-- renumbered first, keeping their order (then the oldest first).
ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY;
WITH ranked AS (
    SELECT id, row_number() OVER (PARTITION BY tenant_id, board_column ORDER BY position, created_at, id) - 1 AS pos
    FROM tasks
)
UPDATE tasks t SET position = r.pos FROM ranked r WHERE t.id = r.id AND t.position <> r.pos;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
ALTER TABLE tasks ADD CONSTRAINT tasks_one_task_per_position
    UNIQUE (tenant_id, board_column, position) DEFERRABLE INITIALLY DEFERRED;
