-- Installation-wide secrets every node must share when the operator has not configured them (the JWT signing key,
-- the email tracking key): the first node to start stores a generated one, sealed with the installation key
-- (MC_SECRETS_KEY, AES-256-GCM, bound to the secret's name), and every other node reads that one instead of
-- generating its own. Not tenant-owned: one row per secret for the whole installation. Never deleted by the
-- application (a deleted signing key would sign every user out); re-sealed in place after a key rotation.
CREATE TABLE installation_secrets (
    name       text        NOT NULL PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_.-]{0,62}$'),
    sealed     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
REVOKE DELETE, TRUNCATE ON installation_secrets FROM ${app_role};
