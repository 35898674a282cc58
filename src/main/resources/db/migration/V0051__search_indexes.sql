-- Indexes behind the global search (each module's SearchSource queries its own table with the same expression).
-- pg_trgm is a trusted extension: the database owner may create it; it ships with PostgreSQL's contrib set and the
-- embedded PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- contacts: name, email, company and phone, matched anywhere by trigrams
CREATE INDEX contacts_search_trgm_idx ON contacts USING gin ((lower(
    coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' '
        || coalesce(company, '') || ' ' || coalesce(phone, ''))) gin_trgm_ops)
    WHERE deleted_at IS NULL;

-- campaigns: by name
CREATE INDEX campaigns_search_trgm_idx ON campaigns USING gin ((lower(name)) gin_trgm_ops);

-- drafts: subject and text, by words (prefix full-text)
CREATE INDEX drafts_search_fts_idx ON drafts USING gin (
    (to_tsvector('simple', coalesce(subject, '') || ' ' || body_text)));

-- templates: title, subject, category
CREATE INDEX email_templates_search_trgm_idx ON email_templates USING gin ((lower(
    title || ' ' || subject || ' ' || category)) gin_trgm_ops);

-- emails: the recipient and the subject
CREATE INDEX emails_search_trgm_idx ON emails USING gin ((lower(to_email || ' ' || subject)) gin_trgm_ops);
