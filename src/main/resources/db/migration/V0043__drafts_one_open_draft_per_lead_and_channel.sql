-- A lead has at most one open (DRAFT or NEEDS_APPROVAL) draft per campaign and channel, enforced here so that two
-- drafting runs racing on the same lead cannot both write one. Open duplicates left by an older version keep only
-- the newest; the older ones are rejected with a note saying why.
ALTER TABLE drafts NO FORCE ROW LEVEL SECURITY;
UPDATE drafts d
SET status     = 'REJECTED',
    notes      = 'Rejected when one open draft per lead and channel became a rule: a newer open draft exists',
    decided_at = now(),
    updated_at = now()
WHERE d.lead_id IS NOT NULL
  AND d.status IN ('DRAFT', 'NEEDS_APPROVAL')
  AND EXISTS (SELECT 1 FROM drafts o
              WHERE o.tenant_id = d.tenant_id AND o.campaign_id = d.campaign_id AND o.lead_id = d.lead_id
                AND o.channel = d.channel AND o.status IN ('DRAFT', 'NEEDS_APPROVAL')
                AND (o.created_at, o.id) > (d.created_at, d.id));
ALTER TABLE drafts FORCE ROW LEVEL SECURITY;
CREATE UNIQUE INDEX drafts_one_open_per_lead_channel ON drafts (tenant_id, campaign_id, lead_id, channel)
    WHERE lead_id IS NOT NULL AND status IN ('DRAFT', 'NEEDS_APPROVAL');
