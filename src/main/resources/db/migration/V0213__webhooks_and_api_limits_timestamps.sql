-- Every table keeps when a row was made and last changed (MigrationTest): the webhook delivery log and the API
-- limit buckets gain the column they lacked.
ALTER TABLE webhook_deliveries ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE api_rate_buckets ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
