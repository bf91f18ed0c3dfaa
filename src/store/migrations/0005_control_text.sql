-- The text of controls from the organisation's own licensed copy of a standard. The
-- catalog ships identifiers, titles and descriptions in its own words only; a tenant that
-- holds a licence may load the publisher's text here, so that its own reports show it.
-- It never leaves the tenant's store. `title` is the title as the imported file gives it
-- (empty when it gives none); `source` says which licensed copy the text came from.
CREATE TABLE control_text (
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  control_ref TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  source TEXT NOT NULL,
  file_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  PRIMARY KEY (tenant_id, control_ref)
);
