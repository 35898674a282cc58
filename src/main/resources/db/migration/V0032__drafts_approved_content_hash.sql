-- The fingerprint (SHA-256 of subject, text and HTML as they will be sent) of the exact version an approving
-- decision approved. Senders refuse a message whose content differs from it (tracking decoration aside).
ALTER TABLE approvals ADD COLUMN content_sha256 text;
