-- 0013: the settings of the whole service, one row a setting (docs/RULES.md, "Screening
-- deadline"). Each key is listed, with the values it takes, so a value the app does not
-- know cannot reach the file; a changed value is audited as setting.changed with the
-- row's id. The app reads a missing row as the setting's default.

CREATE TABLE settings (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE CHECK (key IN ('screening-deadline')),
    value TEXT NOT NULL CHECK (CASE key
              WHEN 'screening-deadline' THEN value IN ('48-hours', '2-working-days')
              ELSE 0 END)
) STRICT;

-- The default, the leaflet's 48 elapsed hours, as every database had it before.
INSERT INTO settings (key, value) VALUES ('screening-deadline', '48-hours');
