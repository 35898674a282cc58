-- Sign-in attempts counted per e-mail and per client address, shared by every node so that N nodes do not give an
-- attacker N times the attempts. Not tenant-owned: a sign-in happens before anyone knows the workspace.
CREATE TABLE login_attempts (
    id           bigserial   NOT NULL PRIMARY KEY,
    scope        text        NOT NULL CHECK (scope IN ('EMAIL', 'ADDRESS')),
    key          text        NOT NULL,
    attempted_at timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_key_idx ON login_attempts (scope, key, attempted_at);
