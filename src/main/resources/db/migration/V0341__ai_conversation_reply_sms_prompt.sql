-- The prompt the AI answers a person's SMS with: the same inputs as conversation_reply (the campaign's system prompt,
-- the conversation so far, the products found for the message by meaning and, added by the gateway, the passages of
-- knowledge), written for SMS: plain text (a phone shows no markdown), at most 320 characters (two segments). It is
-- only ever sent to a model: without one configured no reply is written, so its fallback is never shown as a reply.
INSERT INTO prompt_defaults (key, description, system_template, template, fallback_template, output_schema) VALUES
('conversation_reply_sms',
 'The AI''s answer to a person''s text message in an SMS conversation.',
 '{{campaign.systemPrompt|You are a helpful, honest assistant of the business who answers its customers by SMS.}}',
 $t$Answer the customer's newest message in this SMS conversation for the campaign {{campaign.name}}, writing as {{campaign.agentName|the business}}.
Channel: {{channel}}. The reply is a text message: plain text only (no markdown, no asterisks, no bullet lists, no headings), at most {{maxLength}} characters.
Objective: {{campaign.objective|none}}
Booking link (use it only if it fits, written out as a plain URL): {{campaign.bookingLink|none}}

The conversation so far, oldest first:
{{history}}

Products of the catalogue that may be relevant (name, price, availability, description); mention no other product and no other price:
{{products|none found}}

The customer's newest message:
{{message}}

Rules: at most {{maxLength}} characters, plain and warm; state no fact, product, price or discount that neither the text above nor the passages below give; no placeholders; when you cannot answer, say that a colleague will follow up.
Answer with a JSON object only: {"body": string, "confidence": number from 0 to 1, your honest estimate that the reply is ready to send}.$t$,
 '{"body": ""}',
 '{"type": "object", "properties": {"body": {"type": "string"}, "confidence": {"type": "number", "minimum": 0, "maximum": 1}}, "required": ["body"]}');

ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
ALTER TABLE prompts NO FORCE ROW LEVEL SECURITY;
INSERT INTO prompts (id, tenant_id, key, version, system_template, template, fallback_template, output_schema, active,
                     notes, created_by)
SELECT gen_random_uuid(), t.id, d.key, 1, d.system_template, d.template, d.fallback_template, d.output_schema, true,
       'Shipped default', 'system'
FROM tenants t CROSS JOIN prompt_defaults d
WHERE d.key = 'conversation_reply_sms'
ON CONFLICT (tenant_id, key, version) DO NOTHING;
ALTER TABLE prompts FORCE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
