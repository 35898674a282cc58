-- Privacy erasure (issue 19): the audit log stays append-only (no DELETE, no TRUNCATE, the runtime role still may not
-- UPDATE it), but the entries about an erased person keep their structure with the personal values replaced by
-- the person's keyed hash. Only this function may do that: it runs as the table's owner, under row-level security
-- (the caller's workspace only), and replaces nothing but matches of the patterns it is given.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('mc.audit_erasure', true) = 'on' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

-- p_everywhere: the person's identifiers (e-mail, phone, full name), replaced in every entry of the workspace;
-- p_names: their names, replaced only in entries about them (p_ids: their contact's and leads' ids, as a pattern).
CREATE FUNCTION activity_erase_from_audit(
    p_tenant uuid, p_everywhere text, p_names text, p_ids text, p_replacement text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    changed integer := 0;
    n integer;
BEGIN
    IF p_tenant IS DISTINCT FROM nullif(current_setting('app.tenant_id', true), '')::uuid THEN
        RAISE EXCEPTION 'erasure only in the bound workspace' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM set_config('mc.audit_erasure', 'on', true);
    IF p_everywhere IS NOT NULL THEN
        UPDATE public.audit_log a SET
            actor_name = regexp_replace(a.actor_name, p_everywhere, p_replacement, 'gi'),
            entity_id = regexp_replace(a.entity_id, p_everywhere, p_replacement, 'gi'),
            before = regexp_replace(a.before::text, p_everywhere, p_replacement, 'gi')::jsonb,
            after = regexp_replace(a.after::text, p_everywhere, p_replacement, 'gi')::jsonb
        WHERE a.tenant_id = p_tenant
          AND (a.actor_name ~* p_everywhere OR a.entity_id ~* p_everywhere OR a.before::text ~* p_everywhere
               OR a.after::text ~* p_everywhere);
        GET DIAGNOSTICS n = ROW_COUNT;
        changed := changed + n;
    END IF;
    IF p_names IS NOT NULL AND p_ids IS NOT NULL THEN
        UPDATE public.audit_log a SET
            actor_name = regexp_replace(a.actor_name, p_names, p_replacement, 'gi'),
            before = regexp_replace(a.before::text, p_names, p_replacement, 'gi')::jsonb,
            after = regexp_replace(a.after::text, p_names, p_replacement, 'gi')::jsonb
        WHERE a.tenant_id = p_tenant
          AND (a.entity_id ~* p_ids OR a.before::text ~* p_ids OR a.after::text ~* p_ids)
          AND (a.actor_name ~* p_names OR a.before::text ~* p_names OR a.after::text ~* p_names);
        GET DIAGNOSTICS n = ROW_COUNT;
        changed := changed + n;
    END IF;
    PERFORM set_config('mc.audit_erasure', 'off', true);
    RETURN changed;
END
$$;
REVOKE EXECUTE ON FUNCTION activity_erase_from_audit(uuid, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION activity_erase_from_audit(uuid, text, text, text, text) TO ${app_role};
