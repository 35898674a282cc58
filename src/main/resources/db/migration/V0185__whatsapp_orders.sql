-- Orders a person placed from the catalogue in WhatsApp: one per order message (provider_message_id), its items as
-- Meta sent them (retailer id, quantity, price, currency), the total and the currency, on the person's lead.
CREATE TABLE whatsapp_orders (
    id                  uuid           NOT NULL PRIMARY KEY,
    tenant_id           uuid           NOT NULL REFERENCES tenants (id),
    conversation_id     uuid           NOT NULL,
    contact_id          uuid           NOT NULL,
    lead_id             uuid,
    provider_message_id text           NOT NULL,
    catalog_id          text,
    items               jsonb          NOT NULL,
    total               numeric(14, 2) NOT NULL,
    currency            text           NOT NULL,
    note                text,
    created_at          timestamptz    NOT NULL DEFAULT now(),
    updated_at          timestamptz    NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX whatsapp_orders_message_key ON whatsapp_orders (tenant_id, provider_message_id);
CREATE INDEX whatsapp_orders_conversation_idx ON whatsapp_orders (tenant_id, conversation_id, created_at DESC);
SELECT mc_enable_tenant_rls('whatsapp_orders');
