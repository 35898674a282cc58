-- When a step's email was settled without going out (blocked for good or failed): the next step's delay counts from
-- then, as it counts from sent_at when it went out.
ALTER TABLE sequence_step_runs ADD COLUMN failed_at timestamptz;
