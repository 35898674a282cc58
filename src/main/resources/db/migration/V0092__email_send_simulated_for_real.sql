-- An email simulated while dry run was on can be sent for real once, later: the real email names the simulated one.
-- The unique index makes "never twice" a fact of the database, also for two requests at once.
ALTER TABLE emails ADD COLUMN real_send_of uuid;
CREATE UNIQUE INDEX emails_real_send_of_key ON emails (tenant_id, real_send_of) WHERE real_send_of IS NOT NULL;
