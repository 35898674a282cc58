-- Conversations on WhatsApp beside email: each conversation has its channel (one thread per person, campaign and
-- channel), a person may take it over from the AI (HUMAN) and hand it back, and a message keeps its WhatsApp type,
-- payload, provider id and the outbound message that carried it.
ALTER TABLE conversations ADD COLUMN channel text NOT NULL DEFAULT 'EMAIL';
ALTER TABLE conversations ADD COLUMN assignee_id uuid;
ALTER TABLE conversations ADD COLUMN assignee_name text;
ALTER TABLE conversations DROP CONSTRAINT conversations_status_check;
ALTER TABLE conversations ADD CONSTRAINT conversations_status_check
    CHECK (status IN ('OPEN', 'TO_ANSWER', 'HUMAN', 'CLOSED'));
DROP INDEX conversations_per_contact_campaign;
CREATE UNIQUE INDEX conversations_per_contact_campaign ON conversations (tenant_id, contact_id,
    coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'), channel);
CREATE INDEX conversations_tenant_channel_idx ON conversations (tenant_id, channel, last_message_at DESC);

ALTER TABLE conversation_messages ADD COLUMN message_type text NOT NULL DEFAULT 'text';
ALTER TABLE conversation_messages ADD COLUMN payload text;
ALTER TABLE conversation_messages ADD COLUMN provider_message_id text;
ALTER TABLE conversation_messages ADD COLUMN outbound_message_id uuid;
CREATE INDEX conversation_messages_provider_idx ON conversation_messages (tenant_id, provider_message_id)
    WHERE provider_message_id IS NOT NULL;
