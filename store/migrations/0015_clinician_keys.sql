-- 0015: each clinician's SSH public keys, their identity when the team reaches the
-- server over SSH (caseload serve). A key is revoked, never deleted, so the audit's
-- sessions can still be told apart by it; a revoked key stays revoked (its fingerprint
-- is UNIQUE): a clinician who needs it back makes a new one.
CREATE TABLE clinician_keys (
    id           INTEGER PRIMARY KEY,
    clinician_id INTEGER NOT NULL REFERENCES clinicians (id),
    key_type     TEXT NOT NULL CHECK (key_type <> ''),
    public_key   TEXT NOT NULL UNIQUE CHECK (public_key <> ''),
    fingerprint  TEXT NOT NULL UNIQUE CHECK (fingerprint GLOB 'SHA256:?*'),
    comment      TEXT CHECK (comment <> ''),
    added_at     TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', added_at) IS added_at),
    added_by     TEXT NOT NULL CHECK (added_by <> ''),
    revoked_at   TEXT CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', revoked_at) IS revoked_at),
    revoked_by   TEXT CHECK (revoked_by <> ''),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
) STRICT;

CREATE INDEX clinician_keys_clinician ON clinician_keys (clinician_id);

CREATE TRIGGER clinician_keys_no_delete BEFORE DELETE ON clinician_keys
BEGIN
    SELECT RAISE(ABORT, 'keys are revoked, never deleted');
END;
