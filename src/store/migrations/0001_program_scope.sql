-- Organisations whose compliance programs the store holds. Every program row belongs
-- to one; a single-user store has one, "default".
CREATE TABLE tenant (
  id {{id}},
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- What the program covers: who the organisation is in the cloud relationship, the
-- service models and frameworks in scope. One row per tenant; `revision` counts edits.
CREATE TABLE program_scope (
  tenant_id BIGINT PRIMARY KEY REFERENCES tenant (id),
  organisation TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('provider', 'customer', 'both')),
  service_models TEXT NOT NULL,
  frameworks TEXT NOT NULL,
  revision BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

-- Cloud services the organisation uses (as a customer) or provides (as a provider).
CREATE TABLE cloud_service (
  id {{id}},
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  name TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('used', 'provided')),
  service_model TEXT NOT NULL CHECK (service_model IN ('IaaS', 'PaaS', 'SaaS')),
  provider TEXT NOT NULL,
  UNIQUE (tenant_id, name)
);

-- Every change to the program: who, when, what, and the values before and after (JSON).
-- Rows are only ever added.
CREATE TABLE change_log (
  id {{id}},
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  action TEXT NOT NULL,
  before_value TEXT,
  after_value TEXT
);
CREATE INDEX change_log_by_entity ON change_log (tenant_id, entity, entity_key, id);
