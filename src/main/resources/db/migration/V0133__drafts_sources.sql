-- The knowledge passages a generated draft was written from ({chunkId, sourceId, sourceName, page, score, snippet}),
-- shown to the reviewer in the approval inbox; empty when the writer used none (a template, no knowledge).
ALTER TABLE drafts ADD COLUMN sources jsonb NOT NULL DEFAULT '[]'::jsonb;
