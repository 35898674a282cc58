-- The prompt a snoozed person's follow-up is written with: the campaign's system prompt and the conversation so far.
-- Only ever sent to a model: without one configured no follow-up is written.
INSERT INTO prompt_defaults (key, description, system_template, template, fallback_template, output_schema) VALUES
('conversation_reengagement',
 'A follow-up on WhatsApp to a person who asked to be contacted later.',
 '{{campaign.systemPrompt|You are a helpful, honest assistant of the business who writes to its customers on WhatsApp.}}',
 $t$Some time ago the customer asked to be contacted later. Write one short, friendly WhatsApp follow-up for the campaign {{campaign.name}}, writing as {{campaign.agentName|the business}}.
Objective: {{campaign.objective|none}}

The conversation so far, oldest first:
{{history}}

Rules: at most 60 words; remind them gently of what they were interested in; one low-pressure question; state no fact, product, price or discount the conversation does not give; no placeholders.
Answer with a JSON object only: {"body": string, "confidence": number from 0 to 1, your honest estimate that the message is ready to send}.$t$,
 '{"body": ""}',
 '{"type": "object", "properties": {"body": {"type": "string"}, "confidence": {"type": "number", "minimum": 0, "maximum": 1}}, "required": ["body"]}');

ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
ALTER TABLE prompts NO FORCE ROW LEVEL SECURITY;
INSERT INTO prompts (id, tenant_id, key, version, system_template, template, fallback_template, output_schema, active,
                     notes, created_by)
SELECT gen_random_uuid(), t.id, d.key, 1, d.system_template, d.template, d.fallback_template, d.output_schema, true,
       'Shipped default', 'system'
FROM tenants t CROSS JOIN prompt_defaults d
WHERE d.key = 'conversation_reengagement'
ON CONFLICT (tenant_id, key, version) DO NOTHING;
ALTER TABLE prompts FORCE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
