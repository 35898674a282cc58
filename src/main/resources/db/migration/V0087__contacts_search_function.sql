-- The global search over contacts (and their leads) at 100,000 contacts: under row-level security PostgreSQL does not
-- use the trigram index (pg_trgm's LIKE is not leakproof, so the policy's tenant check must run first and every row
-- of the workspace is compared). This function runs as the schema owner, outside the policy, and filters the
-- workspace itself: exactly the transaction's app.tenant_id, the same value the policy checks, so it sees no more
-- than the caller could. It returns only ids; the caller reads the rows under RLS as before. The LIKE patterns are
-- bound as parameters of a statement planned for them (EXECUTE), so the planner can use contacts_search_trgm_idx.
DO $$
BEGIN
    -- as in V0002: the owner reads contacts and leads only inside this security-definer function
    EXECUTE format('CREATE POLICY owner_search ON contacts FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_search ON leads FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION contacts_search_ids(p_patterns text[], p_digits text, p_with_leads boolean, p_limit integer)
RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
    -- must stay identical to the indexed expression of contacts_search_trgm_idx (V0051) and ContactSearch.TEXT
    v_text constant text := 'lower(coalesce(c.first_name, '''') || '' '' || coalesce(c.last_name, '''') || '' '' '
        || '|| coalesce(c.email, '''') || '' '' || coalesce(c.company, '''') || '' '' || coalesce(c.phone, ''''))';
    v_words text := 'true';
    v_sql text;
BEGIN
    IF v_tenant IS NULL OR p_limit IS NULL OR p_limit < 1 OR coalesce(array_length(p_patterns, 1), 0) = 0 THEN
        RETURN;
    END IF;
    FOR i IN 1 .. array_length(p_patterns, 1) LOOP
        v_words := v_words || format(' AND %s LIKE $2[%s]', v_text, i);
    END LOOP;
    v_sql := 'SELECT c.id FROM public.contacts c WHERE c.tenant_id = $1 AND c.deleted_at IS NULL AND ((' || v_words
        || ')';
    IF p_digits IS NOT NULL THEN
        v_sql := v_sql || format(' OR %s LIKE $3', v_text);
    END IF;
    v_sql := v_sql || ')';
    IF p_with_leads THEN
        v_sql := v_sql || ' AND EXISTS (SELECT 1 FROM public.leads l WHERE l.tenant_id = $1 AND l.contact_id = c.id)';
    END IF;
    v_sql := v_sql || ' LIMIT $4';
    RETURN QUERY EXECUTE v_sql USING v_tenant, p_patterns, '%' || p_digits || '%', p_limit;
END
$$;
REVOKE EXECUTE ON FUNCTION contacts_search_ids(text[], text, boolean, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION contacts_search_ids(text[], text, boolean, integer) TO ${app_role};
