-- Uncertain sends (issue 11 §3): an email whose provider call started but whose outcome was never recorded is
-- UNKNOWN, as is its attempt, until a person marks it sent or sends it again.
ALTER TABLE emails DROP CONSTRAINT emails_status_check;
ALTER TABLE emails ADD CONSTRAINT emails_status_check CHECK (status IN ('PENDING_SEND', 'SENDING', 'SENT',
    'SIMULATED', 'BLOCKED', 'FAILED', 'BOUNCED', 'UNKNOWN'));
ALTER TABLE email_logs DROP CONSTRAINT email_logs_outcome_check;
ALTER TABLE email_logs ADD CONSTRAINT email_logs_outcome_check CHECK (outcome IN ('STARTED', 'ACCEPTED',
    'TRANSIENT_FAILURE', 'PERMANENT_FAILURE', 'SIMULATED', 'BLOCKED', 'RECONCILED', 'UNKNOWN'));

CREATE INDEX outbound_messages_unknown_idx ON outbound_messages (tenant_id, updated_at DESC) WHERE status = 'UNKNOWN';

-- Messages of every workspace whose provider call started before p_before and never got an outcome (the cluster
-- task that declares them UNKNOWN runs outside any workspace, so row-level security would hide them).
CREATE FUNCTION outbound_overdue_sends(p_before timestamptz, p_limit integer)
RETURNS TABLE (tenant_id uuid, id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT m.tenant_id, m.id FROM public.outbound_messages m
    WHERE m.status = 'SENDING' AND m.updated_at < p_before
    ORDER BY m.updated_at
    LIMIT p_limit
$$;
REVOKE EXECUTE ON FUNCTION outbound_overdue_sends(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbound_overdue_sends(timestamptz, integer) TO ${app_role};
