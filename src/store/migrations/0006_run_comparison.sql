-- Each run compared with the run saved before it, worked out when the run is saved (a
-- saved run never changes), so the program's status and reports read the comparison
-- instead of joining two runs' findings on every call. NULL for runs saved before.
ALTER TABLE scan_run ADD COLUMN compared_with BIGINT;
ALTER TABLE scan_run ADD COLUMN new_findings BIGINT;
ALTER TABLE scan_run ADD COLUMN fixed_findings BIGINT;
ALTER TABLE scan_run ADD COLUMN control_changes TEXT;
