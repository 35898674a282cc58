-- Revenue: dunning reminders are reviewed in the approval inbox like other drafts. A drafted reminder of an invoice
-- whose deal has a source campaign gets a leadless draft of that campaign (review_draft_id); the inbox's decision
-- sends it (approving ones) or rejects it (REJECTED). SENDING claims a reminder while it is handed to the gateway,
-- so the inbox and the dunning page never send it twice.
ALTER TABLE dunning_reminders ADD COLUMN review_draft_id uuid;
ALTER TABLE dunning_reminders DROP CONSTRAINT dunning_reminders_status_check;
ALTER TABLE dunning_reminders ADD CONSTRAINT dunning_reminders_status_check
    CHECK (status IN ('DRAFTED', 'SENDING', 'SENT', 'NOT_SENT', 'STOPPED', 'REJECTED'));
CREATE UNIQUE INDEX dunning_reminders_review_draft_key ON dunning_reminders (tenant_id, review_draft_id)
    WHERE review_draft_id IS NOT NULL;
CREATE INDEX dunning_reminders_tenant_status_idx ON dunning_reminders (tenant_id, status, created_at DESC);
