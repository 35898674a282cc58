-- Winner takes all: the variant an A/B step declared the winner (once; every later lead of the step gets it).
CREATE TABLE sequence_step_winners (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    sequence_id uuid        NOT NULL,
    step_id     uuid        NOT NULL,
    variant_id  uuid        NOT NULL,
    reply_rate  double precision NOT NULL,
    sent        bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, sequence_id, step_id),
    FOREIGN KEY (tenant_id, sequence_id) REFERENCES sequences (tenant_id, id)
);
SELECT mc_enable_tenant_rls('sequence_step_winners');
