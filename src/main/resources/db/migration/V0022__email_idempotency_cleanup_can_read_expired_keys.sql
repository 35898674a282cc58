-- A DELETE whose condition reads a column must also pass a SELECT policy: without this one the hourly clean-up
-- (email_delete_expired_idempotency_keys, running as the schema owner under forced row-level security) found no
-- rows when the owner is not a superuser. The owner may read keys only to delete the expired ones.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY email_owner_cleanup_read ON idempotency_keys FOR SELECT TO %I USING (true)',
                   current_user);
END
$$;
