-- How long a campaign's snoozed leads wait for their follow-up (days), and the follow-ups themselves: scheduled when a
-- person asks to be contacted later (message_id is their message), cancelled when they write again first, and when
-- due, drafted as a re-engagement message (draft_id) that follows the approval rules, then sent or discarded.
ALTER TABLE conversation_campaign_settings ADD COLUMN snooze_days integer NOT NULL DEFAULT 30
    CHECK (snooze_days BETWEEN 1 AND 365);

CREATE TABLE conversation_follow_ups (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    conversation_id uuid        NOT NULL,
    lead_id         uuid,
    message_id      uuid        NOT NULL,
    due_at          timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED', 'AWAITING_APPROVAL', 'SENT',
                                    'DISCARDED', 'REJECTED', 'NOT_WRITTEN', 'FAILED')),
    draft_id        uuid,
    reason          text,
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);
CREATE UNIQUE INDEX conversation_follow_ups_message_key ON conversation_follow_ups (tenant_id, message_id);
CREATE INDEX conversation_follow_ups_conversation_idx ON conversation_follow_ups (tenant_id, conversation_id,
    created_at DESC);
CREATE INDEX conversation_follow_ups_draft_idx ON conversation_follow_ups (tenant_id, draft_id)
    WHERE draft_id IS NOT NULL;
SELECT mc_enable_tenant_rls('conversation_follow_ups');
