-- The prompts the product ships with, shared by every workspace and copied into each as its version 1.
-- Not tenant-owned: no tenant_id, no row-level security; the application only reads it.
CREATE TABLE prompt_defaults (
    key               text        NOT NULL PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{1,62}$'),
    description       text        NOT NULL,
    system_template   text,
    template          text        NOT NULL,
    fallback_template text        NOT NULL,
    output_schema     jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

INSERT INTO prompt_defaults (key, description, system_template, template, fallback_template, output_schema) VALUES
('outreach_first_message',
 'The first message to a lead on a campaign''s channel.',
 '{{campaign.systemPrompt|You are a helpful, honest sales assistant who writes short, personal first messages that respect the reader''s time.}}',
 $t$Write one short, personalised first message on the {{channel}} channel for the lead below.

Campaign: {{campaign.name}}
Objective: {{campaign.objective}}
Write as: {{campaign.agentName}}{{^campaign.agentName}}{{sender.name}}{{/campaign.agentName}}
Booking link (use it only if it fits): {{campaign.bookingLink|none}}

Lead: {{lead.firstName}} {{lead.lastName}}
Role: {{lead.jobTitle|unknown}} at {{lead.company|unknown company}}
Location: {{lead.city|unknown}}{{#lead.country}}, {{lead.country}}{{/lead.country}}
Industry: {{lead.industry|unknown}}
Lead score: {{score|unscored}}{{#scoreReason}} ({{scoreReason}}){{/scoreReason}}

Rules: at most 120 words; one clear, low-pressure call to action; no invented facts; plain text without placeholders.
{{#channel=EMAIL}}Include a short subject line.{{/channel=EMAIL}}{{^channel=EMAIL}}Do not include a subject.{{/channel=EMAIL}}
Answer with a JSON object only: {"subject": string (email only), "body": string, "confidence": number from 0 to 1, your honest estimate that the message is ready to send}.$t$,
 '{"subject": "{{#channel=EMAIL}}A quick idea for {{lead.company|your team}}{{/channel=EMAIL}}", "body": "Hi {{lead.firstName|there}},\n\nI''m reaching out because we work with teams like {{lead.company|yours}}{{#lead.industry}} in {{lead.industry}}{{/lead.industry}}, and I thought our work could be useful to you{{#lead.jobTitle}} as {{lead.jobTitle}}{{/lead.jobTitle}}.\n\nWould you be open to a short conversation?{{#campaign.bookingLink}} You can pick a time that suits you here: {{campaign.bookingLink}}{{/campaign.bookingLink}}\n\nBest regards,\n{{campaign.agentName}}{{^campaign.agentName}}{{sender.name}}{{/campaign.agentName}}", "confidence": 0.5}',
 '{"type": "object", "properties": {"subject": {"type": "string"}, "body": {"type": "string"}, "confidence": {"type": "number", "minimum": 0, "maximum": 1}}, "required": ["body"]}'),
('social_post',
 'A post for a campaign''s social channel.',
 '{{campaign.systemPrompt|You are a social media writer for a small business. You write clear, friendly posts without hype.}}',
 $t$Write one {{channel}} post for the campaign below.

Campaign: {{campaign.name}}
Objective: {{campaign.objective}}
Voice: {{campaign.agentName|the brand}}

Rules: {{#channel=LINKEDIN}}professional, up to 150 words{{/channel=LINKEDIN}}{{#channel=FACEBOOK}}friendly, up to 80 words{{/channel=FACEBOOK}}{{#channel=INSTAGRAM}}visual and short, up to 60 words, at most 5 hashtags{{/channel=INSTAGRAM}}; no invented facts or figures.
Answer with a JSON object only: {"body": string, "confidence": number from 0 to 1}.$t$,
 '{"body": "{{campaign.objective|Here is what we are working on this week.}}\n\nWant to know more? Send us a message, we are happy to help.", "confidence": 0.4}',
 '{"type": "object", "properties": {"body": {"type": "string"}, "confidence": {"type": "number", "minimum": 0, "maximum": 1}}, "required": ["body"]}'),
('daily_brief',
 'The daily brief: wins, blockers, next moves and key figures.',
 $t$You are the chief of staff of a small sales team. You write short, plain, honest daily briefs.$t$,
 $t$Write the daily brief of {{workspace|the workspace}} for {{date}} in plain text, at most 150 words: three wins, three blockers and three next moves, then one line with the key figures. Use only the facts below and invent nothing.

Wins:
{{#wins}}- {{.}}
{{/wins}}{{^wins}}{{winsText|- none recorded}}
{{/wins}}
Blockers:
{{#blockers}}- {{.}}
{{/blockers}}{{^blockers}}{{blockersText|- none recorded}}
{{/blockers}}
Next moves:
{{#nextMoves}}- {{.}}
{{/nextMoves}}{{^nextMoves}}{{nextMovesText|- none recorded}}
{{/nextMoves}}
Figures: {{figures|none}}$t$,
 $t$Daily brief for {{workspace|your workspace}}, {{date}}

Wins:
{{#wins}}- {{.}}
{{/wins}}{{^wins}}{{winsText|- No wins recorded yet.}}
{{/wins}}
Blockers:
{{#blockers}}- {{.}}
{{/blockers}}{{^blockers}}{{blockersText|- Nothing is blocked.}}
{{/blockers}}
Next moves:
{{#nextMoves}}- {{.}}
{{/nextMoves}}{{^nextMoves}}{{nextMovesText|- No next moves planned.}}
{{/nextMoves}}{{#figures}}
Figures: {{figures}}
{{/figures}}$t$,
 NULL),
('personalize',
 'Personalises a message for one reader in a given tone.',
 $t$You are a careful editor of sales messages. You personalise a message for one reader without changing its offer or inventing facts.$t$,
 $t$Personalise the message below for this reader, in a {{tone|friendly and professional}} tone. Keep its offer, links and length about the same.

Reader: {{lead.firstName|unknown}} {{lead.lastName}}{{#lead.jobTitle}}, {{lead.jobTitle}}{{/lead.jobTitle}}{{#lead.company}} at {{lead.company}}{{/lead.company}}{{#lead.city}}, {{lead.city}}{{/lead.city}}
Industry: {{lead.industry|unknown}}

{{#subject}}Subject: {{subject}}
{{/subject}}Message:
{{text}}

Answer with a JSON object only: {"text": string, "subject": string (only when the message has a subject), "confidence": number from 0 to 1}.$t$,
 '{"text": "{{text}}", "subject": "{{subject}}", "confidence": 0.3}',
 '{"type": "object", "properties": {"text": {"type": "string"}, "subject": {"type": "string"}, "confidence": {"type": "number", "minimum": 0, "maximum": 1}}, "required": ["text"]}'),
('rewrite',
 'Rewrites a message following an instruction.',
 $t$You are a careful editor of sales messages. You follow the instruction exactly and keep facts, names and links unchanged.$t$,
 $t$Rewrite the message below. Instruction: {{instruction}}

Message:
{{text}}

Answer with a JSON object only: {"text": string, "confidence": number from 0 to 1}.$t$,
 '{"text": "{{text}}", "confidence": 0.2}',
 '{"type": "object", "properties": {"text": {"type": "string"}, "confidence": {"type": "number", "minimum": 0, "maximum": 1}}, "required": ["text"]}');

-- Each workspace's prompt versions; exactly one of a key's versions is active.
CREATE TABLE prompts (
    id                uuid        NOT NULL PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    key               text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,62}$'),
    version           integer     NOT NULL CHECK (version >= 1),
    system_template   text,
    template          text        NOT NULL,
    fallback_template text        NOT NULL,
    output_schema     jsonb,
    active            boolean     NOT NULL,
    notes             text,
    created_by        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX prompts_version_key ON prompts (tenant_id, key, version);
CREATE UNIQUE INDEX prompts_one_active ON prompts (tenant_id, key) WHERE active;

-- Workspaces that exist already get version 1 of every default (new ones get it from PromptCatalog.seed).
-- The migration user owns tenants; FORCE would hide its rows from the owner for this one statement.
ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
INSERT INTO prompts (id, tenant_id, key, version, system_template, template, fallback_template, output_schema, active,
                     notes, created_by)
SELECT gen_random_uuid(), t.id, d.key, 1, d.system_template, d.template, d.fallback_template, d.output_schema, true,
       'Shipped default', 'system'
FROM tenants t CROSS JOIN prompt_defaults d;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
SELECT mc_enable_tenant_rls('prompts');

-- One row per LLM call, model or template, success or failure.
CREATE TABLE llm_logs (
    id             uuid        NOT NULL PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    run_id         uuid,
    entity_type    text,
    entity_id      text,
    prompt_key     text        NOT NULL,
    prompt_version integer,
    prompt_hash    text,
    model          text        NOT NULL,
    latency_ms     bigint      NOT NULL,
    input_tokens   integer,
    output_tokens  integer,
    attempts       integer     NOT NULL DEFAULT 1,
    outcome        text        NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FAILED')),
    error_kind     text,
    error          text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_logs_tenant_created_idx ON llm_logs (tenant_id, created_at DESC);
CREATE INDEX llm_logs_tenant_run_idx ON llm_logs (tenant_id, run_id, created_at DESC);
SELECT mc_enable_tenant_rls('llm_logs');

-- What users said about AI suggestions (the suggestions themselves are not stored).
CREATE TABLE ai_feedback (
    id            uuid        NOT NULL PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    suggestion_id uuid        NOT NULL,
    input_hash    text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'EDITED')),
    comment       text,
    user_id       text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ai_feedback_suggestion_idx ON ai_feedback (tenant_id, suggestion_id);
SELECT mc_enable_tenant_rls('ai_feedback');
