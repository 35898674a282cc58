-- Which knowledge passages (chunk ids) a model call was given with its prompt; empty when none (a template call
-- uses none). No foreign key: a log row outlives the source it quoted.
ALTER TABLE llm_logs ADD COLUMN chunk_ids uuid[] NOT NULL DEFAULT '{}';
