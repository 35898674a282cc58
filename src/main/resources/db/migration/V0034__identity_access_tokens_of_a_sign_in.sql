-- The access token issued with each refresh token, so that revoking a sign-in (refresh-token reuse, sign-out)
-- also revokes the access tokens it handed out, at once instead of when they expire.
ALTER TABLE refresh_tokens ADD COLUMN access_jti text;
ALTER TABLE refresh_tokens ADD COLUMN access_expires_at timestamptz;
