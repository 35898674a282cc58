-- A conversation played in the WhatsApp simulator: an operator types the customer's side against the real reply
-- pipeline. It has no contact and no lead (the simulator changes nobody's record), is kept out of the inbox, its
-- counts and every report, and whatever is sent in it is recorded by the outbound gateway as SIMULATED, never sent.
ALTER TABLE conversations ADD COLUMN simulated boolean NOT NULL DEFAULT false;
ALTER TABLE conversations ALTER COLUMN contact_id DROP NOT NULL;
ALTER TABLE conversations ADD CONSTRAINT conversations_contact_unless_simulated
    CHECK (simulated OR contact_id IS NOT NULL);
