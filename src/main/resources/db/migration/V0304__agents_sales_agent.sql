-- The sales agent joins every existing workspace's agents (new workspaces get it when they are created).
ALTER TABLE agents NO FORCE ROW LEVEL SECURITY;
INSERT INTO agents (id, tenant_id, key, name, description, status)
SELECT gen_random_uuid(), t.id, 'sales_agent', 'Sales agent',
       'Proposes a deal for each interested or booked lead without one; a person approves it in the approval inbox.',
       'IDLE'
FROM tenants t
ON CONFLICT (tenant_id, key) DO NOTHING;
ALTER TABLE agents FORCE ROW LEVEL SECURITY;
