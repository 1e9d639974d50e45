-- 0017 (issue 13's idle lock, after the roles' 0016):
-- the settings take a second key, idle-lock-minutes, how long the app waits without a
-- key before it locks (docs/RULES.md, "Idle lock"). SQLite cannot change a CHECK in
-- place, so the table is made again with the same rows, ids and values: the seals of
-- those rows still hold.

CREATE TABLE settings_new (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE CHECK (key IN ('screening-deadline', 'idle-lock-minutes')),
    value TEXT NOT NULL CHECK (CASE key
              WHEN 'screening-deadline' THEN value IN ('48-hours', '2-working-days')
              WHEN 'idle-lock-minutes' THEN value IN ('15', '5', '10', '20', '30')
              ELSE 0 END)
) STRICT;

INSERT INTO settings_new (id, key, value) SELECT id, key, value FROM settings;
DROP TABLE settings;
ALTER TABLE settings_new RENAME TO settings;
