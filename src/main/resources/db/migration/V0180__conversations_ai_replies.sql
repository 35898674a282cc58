-- How a campaign's conversations are answered: with auto_reply a reply the AI wrote that passes the checks and the
-- confidence gate goes out at once; without it (the default) it waits in the approval inbox.
CREATE TABLE conversation_campaign_settings (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    campaign_id uuid        NOT NULL,
    auto_reply  boolean     NOT NULL DEFAULT false,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, campaign_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
SELECT mc_enable_tenant_rls('conversation_campaign_settings');

-- What became of the AI's reply to each message a person wrote: waiting for approval (draft_id names the draft),
-- sent (sent_message_id names our message in the thread), discarded (a newer message arrived first, or a person
-- took the conversation over), rejected by a reviewer, not written (no model is configured, the person is DND ...)
-- or failed (the model call failed). reason says why in words a person reads.
CREATE TABLE conversation_ai_replies (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    conversation_id uuid        NOT NULL,
    message_id      uuid        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'SENT', 'DISCARDED', 'REJECTED',
                                    'NOT_WRITTEN', 'FAILED')),
    draft_id        uuid,
    sent_message_id uuid,
    reason          text,
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);
CREATE UNIQUE INDEX conversation_ai_replies_message_key ON conversation_ai_replies (tenant_id, message_id);
CREATE INDEX conversation_ai_replies_conversation_idx ON conversation_ai_replies (tenant_id, conversation_id,
    created_at DESC);
CREATE INDEX conversation_ai_replies_draft_idx ON conversation_ai_replies (tenant_id, draft_id)
    WHERE draft_id IS NOT NULL;
SELECT mc_enable_tenant_rls('conversation_ai_replies');
