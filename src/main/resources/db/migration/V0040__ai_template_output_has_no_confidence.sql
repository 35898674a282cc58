-- A fallback template is not a model: it has no confidence of its own. The shipped fallbacks carried typed-in
-- numbers (0.5, 0.4, 0.3, 0.2) that the confidence gate read as a model's evaluation and could auto-approve on.
-- They are removed from the defaults and from every workspace version that still equals a default.
ALTER TABLE prompts NO FORCE ROW LEVEL SECURITY;
UPDATE prompts p
SET fallback_template = (p.fallback_template::jsonb - 'confidence')::text,
    updated_at        = now()
FROM prompt_defaults d
WHERE d.key = p.key
  AND d.output_schema IS NOT NULL
  AND p.fallback_template = d.fallback_template;
ALTER TABLE prompts FORCE ROW LEVEL SECURITY;

UPDATE prompt_defaults
SET fallback_template = (fallback_template::jsonb - 'confidence')::text,
    updated_at        = now()
WHERE output_schema IS NOT NULL;

-- A person may approve one version's fallback template for automatic use: only then may a template-written draft
-- that passes every check be auto-approved. A new version starts unapproved.
ALTER TABLE prompts
    ADD COLUMN automatic_use_approved_by text,
    ADD COLUMN automatic_use_approved_at timestamptz;
