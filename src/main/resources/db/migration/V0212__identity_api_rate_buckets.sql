-- Token buckets for the API limits when no Redis is configured: one row per bucket (a workspace's API budget, an API
-- key's, a workspace's dashboard budget, a kind of inbound webhook), shared by every node. UNLOGGED: a bucket is
-- worth no WAL, and after a crash every bucket simply starts full. Keys name workspaces and keys by id only.
CREATE UNLOGGED TABLE api_rate_buckets (
    key        text             NOT NULL PRIMARY KEY CHECK (length(key) <= 200),
    tokens     double precision NOT NULL,
    updated_at timestamptz      NOT NULL
);

-- Takes one token from the bucket (created full), refilled at rate tokens per second up to capacity, in one
-- statement so concurrent requests on any node never take the same token twice. Answers whether the request may
-- pass and the tokens left after it.
CREATE FUNCTION identity_take_api_token(bucket text, capacity double precision, rate double precision)
RETURNS TABLE (allowed boolean, tokens_left double precision)
LANGUAGE plpgsql AS $$
DECLARE
    now_at timestamptz := clock_timestamp();
    current_tokens double precision;
BEGIN
    INSERT INTO api_rate_buckets AS b (key, tokens, updated_at) VALUES (bucket, capacity, now_at)
    ON CONFLICT (key) DO UPDATE
        SET tokens = least(capacity, b.tokens + greatest(0, extract(epoch FROM (now_at - b.updated_at))) * rate),
            updated_at = now_at
    RETURNING b.tokens INTO current_tokens;
    IF current_tokens >= 1 THEN
        UPDATE api_rate_buckets SET tokens = current_tokens - 1 WHERE key = bucket;
        RETURN QUERY SELECT true, current_tokens - 1;
    ELSE
        RETURN QUERY SELECT false, current_tokens;
    END IF;
END
$$;
