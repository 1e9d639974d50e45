-- 0004: a case's release facts and the history of its expected release date. Forward-only,
-- with the conventions of 0001: STRICT; dates TEXT YYYY-MM-DD; instants TEXT UTC RFC 3339
-- to the second; enumerations TEXT with a CHECK listing the codes of internal/domain;
-- unknown is NULL, never ''.
--
-- The dates are as the partners give them (domain.CaseRelease): the app never calculates
-- a release date. A case with no row here has an unknown release date.

CREATE TABLE case_release (
    case_id            INTEGER PRIMARY KEY REFERENCES cases (id),
    expected_date      TEXT CHECK (date(expected_date) IS expected_date),
    expected_kind      TEXT CHECK (expected_kind IN
                           ('confirmed', 'CRD', 'ARD', 'PED', 'HDCED', 'HDCAD', 'APD', 'PRRD', 'other')),
    expected_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (expected_confirmed IN (0, 1)),
    -- The day the person was released, once out; recall to custody after it, and
    -- re-release after the recall.
    actual_date        TEXT CHECK (date(actual_date) IS actual_date),
    recalled_on        TEXT CHECK (date(recalled_on) IS recalled_on),
    re_released        TEXT CHECK (date(re_released) IS re_released),
    CHECK (recalled_on IS NULL OR (actual_date IS NOT NULL AND recalled_on >= actual_date)),
    CHECK (re_released IS NULL OR (recalled_on IS NOT NULL AND re_released >= recalled_on))
) STRICT;

-- Every change of a case's expected release date, kept for good with who made it, when
-- and why (parole refused, date recalculated, recall, ...).
CREATE TABLE release_changes (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases (id),
    from_date      TEXT CHECK (date(from_date) IS from_date),
    from_kind      TEXT CHECK (from_kind IN
                       ('confirmed', 'CRD', 'ARD', 'PED', 'HDCED', 'HDCAD', 'APD', 'PRRD', 'other')),
    from_confirmed INTEGER NOT NULL CHECK (from_confirmed IN (0, 1)),
    to_date        TEXT CHECK (date(to_date) IS to_date),
    to_kind        TEXT CHECK (to_kind IN
                       ('confirmed', 'CRD', 'ARD', 'PED', 'HDCED', 'HDCAD', 'APD', 'PRRD', 'other')),
    to_confirmed   INTEGER NOT NULL CHECK (to_confirmed IN (0, 1)),
    reason         TEXT NOT NULL CHECK (trim(reason) <> ''),
    changed_by     TEXT NOT NULL CHECK (changed_by <> ''),
    changed_at     TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', changed_at) IS changed_at)
) STRICT;

-- A case's history, oldest first.
CREATE INDEX release_changes_case ON release_changes (case_id, id);

CREATE TRIGGER release_changes_no_update BEFORE UPDATE ON release_changes
BEGIN
    SELECT RAISE(ABORT, 'release date changes are kept as made: record a new change instead');
END;

CREATE TRIGGER release_changes_no_delete BEFORE DELETE ON release_changes
BEGIN
    SELECT RAISE(ABORT, 'release date changes cannot be deleted');
END;
