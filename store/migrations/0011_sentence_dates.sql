-- 0011: a case holds each kind of sentence date, not one expected release date
-- (docs/RULES.md, "Sentence dates"): an extended sentence has both a PED and a CRD, and
-- the licence, sentence and top-up supervision expiry dates (LED, SED, SLED, TUSED) are
-- held as well. Which date is the release is the domain's rule (domain.ReleaseOn), never
-- stored. Forward-only, with the conventions of 0001 and 0004.

-- One row a kind a case holds. kind NULL is a date whose kind was not stated (a referral
-- may give a date without its kind); unique per case like every other kind.
CREATE TABLE sentence_dates (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    kind      TEXT CHECK (kind IN ('confirmed', 'CRD', 'ARD', 'PED', 'HDCED', 'HDCAD', 'APD', 'PRRD', 'other',
                                   'LED', 'SED', 'SLED', 'TUSED')),
    date      TEXT NOT NULL CHECK (date(date) IS date),
    confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    CHECK (kind IS NOT 'confirmed' OR confirmed = 1)
) STRICT;

CREATE UNIQUE INDEX sentence_dates_kind ON sentence_dates (case_id, ifnull(kind, ''));

-- A kind recorded with no date (the date became unknown) holds nothing: it is not copied,
-- and its history keeps what it was.
INSERT INTO sentence_dates (case_id, kind, date, confirmed)
SELECT case_id, expected_kind, expected_date, expected_confirmed OR expected_kind IS 'confirmed'
FROM case_release WHERE expected_date IS NOT NULL;

-- The expected date now lives in sentence_dates alone.
ALTER TABLE case_release DROP COLUMN expected_date;
ALTER TABLE case_release DROP COLUMN expected_kind;
ALTER TABLE case_release DROP COLUMN expected_confirmed;

-- The history takes the new kinds: rebuilt with its rows, its index and its triggers
-- (SQLite cannot change a CHECK in place). The triggers go first: they are the table's,
-- and the rows are copied as they are, never changed.
CREATE TABLE release_changes_0011 (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases (id),
    from_date      TEXT CHECK (date(from_date) IS from_date),
    from_kind      TEXT CHECK (from_kind IN ('confirmed', 'CRD', 'ARD', 'PED', 'HDCED', 'HDCAD', 'APD', 'PRRD', 'other',
                                             'LED', 'SED', 'SLED', 'TUSED')),
    from_confirmed INTEGER NOT NULL CHECK (from_confirmed IN (0, 1)),
    to_date        TEXT CHECK (date(to_date) IS to_date),
    to_kind        TEXT CHECK (to_kind IN ('confirmed', 'CRD', 'ARD', 'PED', 'HDCED', 'HDCAD', 'APD', 'PRRD', 'other',
                                           'LED', 'SED', 'SLED', 'TUSED')),
    to_confirmed   INTEGER NOT NULL CHECK (to_confirmed IN (0, 1)),
    reason         TEXT NOT NULL CHECK (trim(reason) <> ''),
    changed_by     TEXT NOT NULL CHECK (changed_by <> ''),
    changed_at     TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', changed_at) IS changed_at)
) STRICT;

INSERT INTO release_changes_0011 SELECT * FROM release_changes;
DROP TRIGGER release_changes_no_update;
DROP TRIGGER release_changes_no_delete;
DROP TABLE release_changes;
ALTER TABLE release_changes_0011 RENAME TO release_changes;

CREATE INDEX release_changes_case ON release_changes (case_id, id);

CREATE TRIGGER release_changes_no_update BEFORE UPDATE ON release_changes
BEGIN
    SELECT RAISE(ABORT, 'release date changes are kept as made: record a new change instead');
END;

CREATE TRIGGER release_changes_no_delete BEFORE DELETE ON release_changes
BEGIN
    SELECT RAISE(ABORT, 'release date changes cannot be deleted');
END;
