-- Saved scans: what was scanned with which rules, every finding, and the control
-- roll-up, so runs can be compared and the program's status shown without rescanning.
CREATE TABLE scan_run (
  id {{id}},
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  rules_digest TEXT NOT NULL,
  rules_count BIGINT NOT NULL,
  framework TEXT NOT NULL,
  label TEXT NOT NULL,
  inputs TEXT NOT NULL,
  findings BIGINT NOT NULL,
  passed BIGINT NOT NULL,
  failed BIGINT NOT NULL,
  unknown BIGINT NOT NULL,
  suppressed BIGINT NOT NULL
);
CREATE INDEX scan_run_by_tenant ON scan_run (tenant_id, id);

-- `fingerprint` names the same check of the same resource across runs (rule, resource
-- address and file), whatever line it moved to.
CREATE TABLE run_finding (
  run_id BIGINT NOT NULL REFERENCES scan_run (id),
  fingerprint TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  resource TEXT NOT NULL,
  kind TEXT NOT NULL,
  verdict TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  file TEXT NOT NULL,
  line BIGINT NOT NULL,
  col BIGINT NOT NULL,
  suppressed INTEGER NOT NULL,
  PRIMARY KEY (run_id, fingerprint)
);

CREATE TABLE run_control (
  run_id BIGINT NOT NULL REFERENCES scan_run (id),
  control_ref TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  pass BIGINT NOT NULL,
  fail BIGINT NOT NULL,
  unknown BIGINT NOT NULL,
  suppressed BIGINT NOT NULL,
  worst TEXT NOT NULL,
  rules TEXT NOT NULL,
  failing_rules TEXT NOT NULL,
  PRIMARY KEY (run_id, control_ref)
);
