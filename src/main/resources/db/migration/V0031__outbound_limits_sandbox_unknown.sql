-- The gateway's own refusals (limits, sandbox, suspended workspace) and UNKNOWN: a provider call that started but
-- whose outcome was never recorded (its node died), waiting for a person to mark it sent or send it again.
ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_status_check;
ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_status_check CHECK (status IN ('PENDING', 'SENDING',
    'SIMULATED', 'BLOCKED_PAUSED', 'BLOCKED_SUSPENDED', 'BLOCKED_SANDBOX', 'BLOCKED_CHANNEL_OFF', 'BLOCKED_SUPPRESSED',
    'BLOCKED_NOT_CONFIGURED', 'BLOCKED_LIMIT', 'SENT', 'FAILED', 'UNKNOWN'));

-- who the message is sent as (the email's From), for the per-sender limit; null where a channel has no senders
ALTER TABLE outbound_messages ADD COLUMN sender text;
-- what a person decided about an UNKNOWN message, and when
ALTER TABLE outbound_messages ADD COLUMN resolution text CHECK (resolution IN ('MARKED_SENT', 'SENT_AGAIN'));
ALTER TABLE outbound_messages ADD COLUMN resolved_by text;
ALTER TABLE outbound_messages ADD COLUMN resolved_at timestamptz;

-- messages that count against the limits: those handed to a provider
CREATE INDEX outbound_messages_counted_idx ON outbound_messages (tenant_id, decided_at)
    WHERE status IN ('SENDING', 'SENT', 'UNKNOWN', 'FAILED');
CREATE INDEX outbound_messages_counted_sender_idx ON outbound_messages (sender, decided_at)
    WHERE status IN ('SENDING', 'SENT', 'UNKNOWN', 'FAILED') AND sender IS NOT NULL;
CREATE INDEX outbound_messages_in_flight_idx ON outbound_messages (updated_at) WHERE status = 'SENDING';

DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON outbound_messages FOR SELECT TO %I USING (true)', current_user);
END
$$;

-- Installation-wide counts, which no workspace's row-level security can see: messages handed to a provider
-- since a moment (for the installation's limit), and per sender address (a mailbox may serve several workspaces).
CREATE FUNCTION outbound_installation_sends_since(p_since timestamptz) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT count(*) FROM public.outbound_messages
    WHERE decided_at >= p_since AND status IN ('SENDING', 'SENT', 'UNKNOWN', 'FAILED')
$$;

CREATE FUNCTION outbound_sender_sends_since(p_sender text, p_since timestamptz) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT count(*) FROM public.outbound_messages
    WHERE sender = p_sender AND decided_at >= p_since AND status IN ('SENDING', 'SENT', 'UNKNOWN', 'FAILED')
$$;

-- The operator console's volumes: per workspace, messages handed to providers and refusals in the last day and ever.
CREATE FUNCTION outbound_workspace_volumes(p_since timestamptz)
RETURNS TABLE (tenant_id uuid, sent_since bigint, refused_since bigint, sent_total bigint, last_sent_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT m.tenant_id,
           count(*) FILTER (WHERE m.decided_at >= p_since AND m.status IN ('SENDING', 'SENT', 'UNKNOWN', 'FAILED')),
           count(*) FILTER (WHERE m.decided_at >= p_since AND m.status LIKE 'BLOCKED%'),
           count(*) FILTER (WHERE m.status IN ('SENDING', 'SENT', 'UNKNOWN', 'FAILED')),
           max(m.sent_at)
    FROM public.outbound_messages m
    GROUP BY m.tenant_id
$$;

REVOKE EXECUTE ON FUNCTION outbound_installation_sends_since(timestamptz), outbound_sender_sends_since(text, timestamptz),
    outbound_workspace_volumes(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbound_installation_sends_since(timestamptz), outbound_sender_sends_since(text, timestamptz),
    outbound_workspace_volumes(timestamptz) TO ${app_role};
