-- Content-addressed file storage: a blob is named by the SHA-256 of its bytes and kept
-- in chunks, so neither storing nor reading one needs it whole in memory.
CREATE TABLE blob (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  chunks BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE blob_chunk (
  sha256 TEXT NOT NULL REFERENCES blob (sha256),
  seq BIGINT NOT NULL,
  data {{bytes}} NOT NULL,
  PRIMARY KEY (sha256, seq)
);

-- Evidence: a file or record that shows a control works, with its dates. Rows are never
-- deleted: removal and replacement are marked, and every change is in evidence_log.
CREATE TABLE evidence (
  id {{id}},
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES blob (sha256),
  size BIGINT NOT NULL,
  collected_on TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  review_days BIGINT,
  expires_on TEXT,
  superseded_by BIGINT REFERENCES evidence (id),
  removed_at TEXT,
  removed_reason TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX evidence_by_tenant ON evidence (tenant_id, id);

-- Which controls each piece of evidence supports ("iso27017:2015/12.4.1").
CREATE TABLE evidence_control (
  evidence_id BIGINT NOT NULL REFERENCES evidence (id),
  control_ref TEXT NOT NULL,
  PRIMARY KEY (evidence_id, control_ref)
);
CREATE INDEX evidence_control_by_ref ON evidence_control (control_ref);

-- The evidence ledger: one hash chain per tenant. Each entry's hash covers its own
-- content and the previous entry's hash, so changing or dropping any entry breaks every
-- hash after it. `payload` is the event as canonical JSON.
CREATE TABLE evidence_log (
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  seq BIGINT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  evidence_id BIGINT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
