-- Sending sequence emails without per-message review is the agents' auto-approve setting (action SEQUENCE_STEP),
-- so the table V0200 made for it is not needed.
DROP TABLE sequence_settings;

-- A stop rule that arrives after the last step ran (the enrolment FINISHED) still withdraws that step's message if it
-- has not gone out yet (waiting for approval, the window or a cap): why is kept here.
ALTER TABLE sequence_step_runs ADD COLUMN withdrawn_reason text;
