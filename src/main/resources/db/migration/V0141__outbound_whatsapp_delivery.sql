-- WhatsApp: the 24-hour customer-care window is the gateway's own refusal (free text outside it), delivery receipts
-- (delivered, read, failed after acceptance) move a sent message on, and a template message keeps its parts.
ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_status_check;
ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_status_check CHECK (status IN ('PENDING', 'SENDING',
    'SIMULATED', 'BLOCKED_PAUSED', 'BLOCKED_SUSPENDED', 'BLOCKED_SANDBOX', 'BLOCKED_CHANNEL_OFF', 'BLOCKED_SUPPRESSED',
    'BLOCKED_NOT_CONFIGURED', 'BLOCKED_LIMIT', 'BLOCKED_OUTSIDE_WINDOW', 'SENT', 'FAILED', 'UNKNOWN'));
ALTER TABLE outbound_messages ADD COLUMN delivery_status text CHECK (delivery_status IN ('SENT', 'DELIVERED', 'READ',
    'FAILED'));
ALTER TABLE outbound_messages ADD COLUMN delivery_error text;
ALTER TABLE outbound_messages ADD COLUMN delivered_at timestamptz;
ALTER TABLE outbound_messages ADD COLUMN read_at timestamptz;
ALTER TABLE outbound_messages ADD COLUMN template text;
CREATE INDEX outbound_messages_provider_id_idx ON outbound_messages (tenant_id, provider_message_id)
    WHERE provider_message_id IS NOT NULL;
