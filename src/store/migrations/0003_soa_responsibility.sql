-- The Statement of Applicability: one decision per control of the frameworks in scope.
-- `applicable` is 1 or 0; a control that does not apply carries the reason why in
-- `justification`. `last_assessed` is set by whoever assessed the control (NULL: never).
-- `revision` counts edits of the row.
CREATE TABLE soa_entry (
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  control_ref TEXT NOT NULL,
  applicable BIGINT NOT NULL CHECK (applicable IN (0, 1)),
  justification TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('implemented', 'partially implemented', 'planned',
                                         'not implemented', 'not assessed')),
  owner TEXT NOT NULL,
  last_assessed TEXT,
  revision BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (tenant_id, control_ref),
  CHECK (applicable = 1 OR justification <> '')
);

-- Who owns a control for one cloud service, where that differs from the catalog's
-- default for the service's model; always with the reason. An override belongs to its
-- service and goes when the service leaves the scope.
CREATE TABLE responsibility_override (
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  control_ref TEXT NOT NULL,
  cloud_service_id BIGINT NOT NULL REFERENCES cloud_service (id) ON DELETE CASCADE,
  owner TEXT NOT NULL CHECK (owner IN ('provider', 'customer', 'shared')),
  reason TEXT NOT NULL CHECK (reason <> ''),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (tenant_id, control_ref, cloud_service_id)
);

-- A provider's certificate or audit report the organisation relies on. Dates are
-- YYYY-MM-DD. `evidence_id` names the stored copy in the evidence register, when there
-- is one.
CREATE TABLE provider_attestation (
  id {{id}},
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('certificate', 'report', 'other')),
  issuer TEXT NOT NULL,
  scope_text TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  evidence_id BIGINT REFERENCES evidence (id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (tenant_id, name),
  CHECK (issued_on <= expires_on)
);

-- Controls the provider owns (or shares) that the organisation counts as covered by
-- one of the provider's attestations, while that attestation is current.
CREATE TABLE inherited_control (
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  control_ref TEXT NOT NULL,
  attestation_id BIGINT NOT NULL REFERENCES provider_attestation (id),
  marked_at TEXT NOT NULL,
  marked_by TEXT NOT NULL,
  PRIMARY KEY (tenant_id, control_ref)
);
