-- Every chunk and product already records the model that produced its vector (embedding_model, V0130, V0131).
-- When a node starts with another model configured, it re-embeds, in the background, the workspaces holding vectors
-- of any other model. This function answers only which workspaces those are; the work then runs per workspace
-- under row-level security.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON knowledge_chunks FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_lookup ON products FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE INDEX knowledge_chunks_model_idx ON knowledge_chunks (tenant_id, embedding_model);
CREATE INDEX products_model_idx ON products (tenant_id, embedding_model);

CREATE FUNCTION knowledge_tenants_to_reembed(p_model text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT tenant_id FROM public.knowledge_chunks WHERE embedding_model <> p_model
    UNION
    SELECT tenant_id FROM public.products WHERE embedding_model <> p_model
$$;

REVOKE EXECUTE ON FUNCTION knowledge_tenants_to_reembed(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION knowledge_tenants_to_reembed(text) TO ${app_role};
