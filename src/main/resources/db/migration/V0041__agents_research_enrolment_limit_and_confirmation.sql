-- How many contacts one lead research run may enrol in all (across campaigns), and whether a person must confirm
-- the enrolment it previews before it happens.
ALTER TABLE agent_settings
    ADD COLUMN research_enrol_limit        integer NOT NULL DEFAULT 200 CHECK (research_enrol_limit BETWEEN 1 AND 5000),
    ADD COLUMN research_needs_confirmation boolean NOT NULL DEFAULT false;
