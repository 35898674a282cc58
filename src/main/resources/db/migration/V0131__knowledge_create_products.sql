-- The workspace's product catalogue, each product with the vector of its name, description, price and SKU
-- (float32 little-endian, L2-normalised), kept in step with its fields, for search by meaning.
CREATE TABLE products (
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description     text,
    price_amount    numeric(12, 2) CHECK (price_amount >= 0),
    price_currency  text        CHECK (price_currency ~ '^[A-Z]{3}$'),
    sku             text,
    availability    text        NOT NULL CHECK (availability IN ('IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'DISCONTINUED')),
    retailer_id     text,
    embedding       bytea       NOT NULL,
    embedding_model text        NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((price_amount IS NULL) = (price_currency IS NULL))
);
CREATE UNIQUE INDEX products_tenant_id_key ON products (tenant_id, id);
CREATE UNIQUE INDEX products_tenant_sku_key ON products (tenant_id, sku) WHERE sku IS NOT NULL;
CREATE INDEX products_tenant_name_idx ON products (tenant_id, name);
SELECT mc_enable_tenant_rls('products');
