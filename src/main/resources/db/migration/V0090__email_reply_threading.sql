-- An email that answers a reply carries the thread's Message-IDs (RFC 5322 In-Reply-To and References), so the
-- recipient's mail client files it under the conversation. A reply may name its sender and its own Message-ID.
ALTER TABLE emails ADD COLUMN in_reply_to text;
ALTER TABLE emails ADD COLUMN thread_references text;
ALTER TABLE email_reply_events ADD COLUMN from_email text;
ALTER TABLE email_reply_events ADD COLUMN message_id text;
