-- 0019 (issue 15): outcomes. Conventions of 0001: STRICT; instants TEXT UTC RFC 3339 to
-- the second; dates YYYY-MM-DD; enumerations TEXT with a CHECK listing the codes of
-- internal/domain; unknown is NULL, never ''.
--
-- Every row here is a record kept as made (docs/RULES.md, "Outcome measures"): a score,
-- an outcome or a judgement is never changed or removed. A score is corrected by a new
-- one that replaces it, with why; an outcome at a time point by a later one at the same
-- point, the earlier kept in the history.

-- A scored measure on a case, signed when saved. measure is the id of a definition the
-- app ships (internal/domain/measures): the store checks it, so a new definition needs
-- no migration. answers are the item responses (-1 unanswered) of a measure entered item
-- by item, NULL for one entered as totals; scores every scale scored, by its id, and
-- total the main scale's again, so reports read it without JSON.
CREATE TABLE measure_scores (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    measure     TEXT NOT NULL CHECK (measure <> ''),
    version     TEXT NOT NULL CHECK (version <> ''),
    time_point  TEXT CHECK (time_point IN ('acceptance', 'release', 'six-months', 'discharge')),
    taken_on    TEXT NOT NULL CHECK (date(taken_on) IS taken_on),
    answers     TEXT CHECK (answers IS NULL OR CASE WHEN json_valid(answers) THEN json_type(answers) = 'array' ELSE 0 END),
    scores      TEXT NOT NULL CHECK (CASE WHEN json_valid(scores) THEN json_type(scores) = 'object' ELSE 0 END),
    total       REAL NOT NULL,
    prorated    INTEGER NOT NULL DEFAULT 0 CHECK (prorated IN (0, 1)),
    replaces    INTEGER UNIQUE REFERENCES measure_scores (id),
    why         TEXT CHECK (trim(why) <> ''),
    recorded_by INTEGER NOT NULL REFERENCES clinicians (id),
    recorded_at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at) IS recorded_at),
    hash        TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    CHECK ((replaces IS NULL) = (why IS NULL)),
    CHECK (replaces IS NULL OR replaces < id)
) STRICT;

CREATE INDEX measure_scores_case ON measure_scores (case_id, measure, id);

CREATE TRIGGER measure_scores_no_update BEFORE UPDATE ON measure_scores
BEGIN
    SELECT RAISE(ABORT, 'a signed measure cannot be changed: record a correction that replaces it');
END;

CREATE TRIGGER measure_scores_no_delete BEFORE DELETE ON measure_scores
BEGIN
    SELECT RAISE(ABORT, 'a signed measure cannot be deleted');
END;

-- How a case stood at a time point of its transition (docs/RULES.md, "Outcomes of the
-- transition"). Which answers belong to which point is the domain's rule
-- (domain.CheckTransitionOutcome); the last row of a case and point is the one that
-- stands.
CREATE TABLE transition_outcomes (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES cases (id),
    time_point       TEXT NOT NULL CHECK (time_point IN ('acceptance', 'release', 'discharge')),
    gp_registered    TEXT CHECK (gp_registered IN ('yes', 'no')),
    gp_registered_on TEXT CHECK (date(gp_registered_on) IS gp_registered_on),
    accommodation    TEXT CHECK (accommodation IN ('settled', 'temporary', 'approved-premises', 'no-fixed-abode')),
    mental_health    TEXT CHECK (mental_health IN ('referred', 'accepted', 'engaged', 'declined')),
    substance_use    TEXT CHECK (substance_use IN ('referred', 'accepted', 'engaged', 'declined')),
    physical_health  TEXT CHECK (physical_health IN ('referred', 'accepted', 'engaged', 'declined')),
    recalled         TEXT CHECK (recalled IN ('yes', 'no')),
    mappa_level      TEXT CHECK (mappa_level IN ('1', '2', '3', 'not-mappa')),
    rosh             TEXT CHECK (rosh IN ('low', 'medium', 'high', 'very-high')),
    recorded_by      INTEGER NOT NULL REFERENCES clinicians (id),
    recorded_at      TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at) IS recorded_at),
    CHECK (gp_registered_on IS NULL OR gp_registered IS 'yes')
) STRICT;

CREATE INDEX transition_outcomes_case ON transition_outcomes (case_id, time_point, id);

CREATE TRIGGER transition_outcomes_no_update BEFORE UPDATE ON transition_outcomes
BEGIN
    SELECT RAISE(ABORT, 'a transition outcome is kept as recorded: record it again to change it');
END;

CREATE TRIGGER transition_outcomes_no_delete BEFORE DELETE ON transition_outcomes
BEGIN
    SELECT RAISE(ABORT, 'a transition outcome is kept as recorded: it cannot be deleted');
END;

-- The HCR-20 V3 summary judgements of a case (docs/RULES.md, "HCR-20 summary
-- judgements"): the three final ratings, when and by whom, the review, and the
-- clinician's own formulation. Never item text or item ratings: the manual is
-- commercial. Signed when saved.
CREATE TABLE risk_judgements (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL REFERENCES cases (id),
    tool                TEXT NOT NULL DEFAULT 'hcr-20-v3' CHECK (tool IN ('hcr-20-v3')),
    case_prioritisation TEXT NOT NULL CHECK (case_prioritisation IN ('low', 'moderate', 'high')),
    serious_harm        TEXT NOT NULL CHECK (serious_harm IN ('low', 'moderate', 'high')),
    imminent_violence   TEXT NOT NULL CHECK (imminent_violence IN ('low', 'moderate', 'high')),
    assessed_on         TEXT NOT NULL CHECK (date(assessed_on) IS assessed_on),
    assessor            TEXT NOT NULL CHECK (trim(assessor) <> ''),
    review_on           TEXT CHECK (date(review_on) IS review_on),
    formulation         TEXT NOT NULL DEFAULT '',
    recorded_by         INTEGER NOT NULL REFERENCES clinicians (id),
    recorded_at         TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at) IS recorded_at),
    hash                TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    CHECK (review_on IS NULL OR review_on > assessed_on)
) STRICT;

CREATE INDEX risk_judgements_case ON risk_judgements (case_id, id);

CREATE TRIGGER risk_judgements_no_update BEFORE UPDATE ON risk_judgements
BEGIN
    SELECT RAISE(ABORT, 'a signed risk judgement cannot be changed: record a new one');
END;

CREATE TRIGGER risk_judgements_no_delete BEFORE DELETE ON risk_judgements
BEGIN
    SELECT RAISE(ABORT, 'a signed risk judgement cannot be deleted');
END;

-- An item's wording as the service entered it from its own licensed copy of a measure
-- (the app ships wording only where a primary source confirms it). The last row of a
-- measure and item is the wording in force.
CREATE TABLE measure_wordings (
    id      INTEGER PRIMARY KEY,
    measure TEXT NOT NULL CHECK (measure <> ''),
    item    INTEGER NOT NULL CHECK (item >= 1),
    wording TEXT NOT NULL CHECK (trim(wording) <> ''),
    set_by  TEXT NOT NULL CHECK (set_by <> ''),
    set_at  TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', set_at) IS set_at)
) STRICT;

CREATE INDEX measure_wordings_item ON measure_wordings (measure, item, id);

CREATE TRIGGER measure_wordings_no_update BEFORE UPDATE ON measure_wordings
BEGIN
    SELECT RAISE(ABORT, 'a wording is kept as entered: enter it again to change it');
END;

CREATE TRIGGER measure_wordings_no_delete BEFORE DELETE ON measure_wordings
BEGIN
    SELECT RAISE(ABORT, 'a wording is kept as entered: it cannot be deleted');
END;

-- The settings take a fourth key, measure-time-points: the time points at which
-- measures are routinely taken, joined by commas in the order of a case (docs/RULES.md,
-- "When to measure"). The table is made again with the same rows, ids and values, as
-- 0017 and 0018 did, so their seals still hold.
CREATE TABLE settings_new (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE CHECK (key IN ('screening-deadline', 'idle-lock-minutes', 'caseload-cap',
              'measure-time-points')),
    value TEXT NOT NULL CHECK (CASE key
              WHEN 'screening-deadline' THEN value IN ('48-hours', '2-working-days')
              WHEN 'idle-lock-minutes' THEN value IN ('15', '5', '10', '20', '30')
              WHEN 'caseload-cap' THEN value IN ('8', '4', '5', '6', '7', '9', '10', '12', '15', '20')
              WHEN 'measure-time-points' THEN value IN (
                  'acceptance,release,six-months,discharge', 'acceptance,release,six-months', 'acceptance,release,discharge',
                  'acceptance,release', 'acceptance,six-months,discharge', 'acceptance,six-months',
                  'acceptance,discharge', 'acceptance', 'release,six-months,discharge',
                  'release,six-months', 'release,discharge', 'release',
                  'six-months,discharge', 'six-months', 'discharge')
              ELSE 0 END)
) STRICT;

INSERT INTO settings_new (id, key, value) SELECT id, key, value FROM settings;
DROP TABLE settings;
ALTER TABLE settings_new RENAME TO settings;
