-- 0002: the decisions on a referral (screening, suitability consultations, withdrawal)
-- and the case an accepted referral opens. Forward-only, like 0001, with its conventions:
-- STRICT; instants TEXT UTC RFC 3339 to the second; dates TEXT YYYY-MM-DD; enumerations
-- TEXT with a CHECK listing the codes of internal/domain; unknown is NULL, never ''.
--
-- A decision is a record of what was decided, by whom and on what facts: it is never
-- edited or removed (triggers below), and a later decision is a new row. The referral's
-- status says where it stands now; these rows say how it got there.

-- One screening per referral: the pathway allows screening only from received.
-- checklist is the eligibility checklist as it stood when the decision was made, so a
-- later correction of the facts never rewrites what the decision was based on:
-- {"verdict": ..., "window_opens_on": "YYYY-MM-DD" | null, "rules": [{"id", "result", "reason"}]}.
-- CHECKs pass on NULL, so every term below is made to give 0 or 1, never NULL.
CREATE TABLE screenings (
    id          INTEGER PRIMARY KEY,
    referral_id INTEGER NOT NULL UNIQUE REFERENCES referrals (id),
    outcome     TEXT NOT NULL CHECK (outcome IN ('in', 'out')),
    -- Required to screen out, and to screen in what is not eligible (the override).
    reason      TEXT CHECK (trim(reason) <> ''),
    decided_by  TEXT NOT NULL CHECK (decided_by <> ''),
    decided_at  TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', decided_at) IS decided_at),
    within_48h  INTEGER NOT NULL CHECK (within_48h IN (0, 1)),
    checklist   TEXT NOT NULL CHECK (CASE WHEN json_valid(checklist) THEN
                    json_type(checklist) = 'object'
                    AND ifnull(json_extract(checklist, '$.verdict') IN ('eligible', 'not-eligible', 'incomplete'), 0)
                    AND ifnull(json_type(checklist, '$.window_opens_on') IN ('null', 'text'), 0)
                    AND date(json_extract(checklist, '$.window_opens_on')) IS json_extract(checklist, '$.window_opens_on')
                    AND json_type(checklist, '$.rules') IS 'array'
                ELSE 0 END),
    CHECK (outcome = 'in' OR reason IS NOT NULL)
) STRICT;

-- A CHECK cannot look inside an array (no subqueries), so each rule's shape is checked
-- on insert; screenings are never updated, so that is the only way in. The trigger runs
-- before the CHECKs, so it leaves text that is not JSON to them (json_each would fail
-- with a bare "malformed JSON").
CREATE TRIGGER screenings_checklist_rules BEFORE INSERT ON screenings
WHEN CASE WHEN json_valid(NEW.checklist) THEN EXISTS (
    SELECT 1 FROM json_each(NEW.checklist, '$.rules') WHERE CASE WHEN type = 'object' THEN
        json_type(value, '$.id') IS NOT 'text' OR json_extract(value, '$.id') = ''
        OR ifnull(json_extract(value, '$.result') NOT IN ('pass', 'fail', 'unknown'), 1)
        OR json_type(value, '$.reason') IS NOT 'text'
    ELSE 1 END) ELSE 0 END
BEGIN
    SELECT RAISE(ABORT, 'each checklist rule needs an id, a result (pass, fail or unknown) and a reason');
END;

-- Suitability meetings. A deferred decision leads to another meeting, so a referral can
-- have several; the last one recorded decided where it stands.
-- attendees: [{"name": ..., "role": ..., "agency": ... | null}], at least one.
CREATE TABLE consultations (
    id                     INTEGER PRIMARY KEY,
    referral_id            INTEGER NOT NULL REFERENCES referrals (id),
    meeting_date           TEXT NOT NULL CHECK (date(meeting_date) IS meeting_date),
    attendees              TEXT NOT NULL CHECK (CASE WHEN json_valid(attendees) THEN
                               json_type(attendees) = 'array' AND json_array_length(attendees) > 0
                           ELSE 0 END),
    outcome                TEXT NOT NULL CHECK (outcome IN ('accepted', 'not-accepted', 'deferred')),
    rationale              TEXT NOT NULL CHECK (trim(rationale) <> ''),
    next_meeting_date      TEXT CHECK (date(next_meeting_date) IS next_meeting_date),
    allocated_clinician_id INTEGER REFERENCES clinicians (id),
    recorded_by            TEXT NOT NULL CHECK (recorded_by <> ''),
    recorded_at            TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at) IS recorded_at),
    -- A next meeting exactly when deferred: on any other outcome it would read as a
    -- meeting that is not going to happen.
    CHECK ((outcome = 'deferred') = (next_meeting_date IS NOT NULL)),
    CHECK (next_meeting_date IS NULL OR next_meeting_date > meeting_date),
    CHECK (outcome <> 'accepted' OR allocated_clinician_id IS NOT NULL)
) STRICT;

CREATE INDEX consultations_referral ON consultations (referral_id, id);

-- Each attendee's shape, as for the checklist's rules above.
CREATE TRIGGER consultations_attendees BEFORE INSERT ON consultations
WHEN CASE WHEN json_valid(NEW.attendees) THEN EXISTS (
    SELECT 1 FROM json_each(NEW.attendees) WHERE CASE WHEN type = 'object' THEN
        json_type(value, '$.name') IS NOT 'text' OR trim(json_extract(value, '$.name')) = ''
        OR json_type(value, '$.role') IS NOT 'text' OR trim(json_extract(value, '$.role')) = ''
        OR ifnull(json_type(value, '$.agency') NOT IN ('text', 'null'), 1)
    ELSE 1 END) ELSE 0 END
BEGIN
    SELECT RAISE(ABORT, 'each attendee needs a name and a role, and an agency or null');
END;

-- A referral closed before a decision, with why (DOMAIN.md 1.6).
CREATE TABLE withdrawals (
    id           INTEGER PRIMARY KEY,
    referral_id  INTEGER NOT NULL UNIQUE REFERENCES referrals (id),
    reason       TEXT NOT NULL CHECK (trim(reason) <> ''),
    withdrawn_by TEXT NOT NULL CHECK (withdrawn_by <> ''),
    withdrawn_at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', withdrawn_at) IS withdrawn_at)
) STRICT;

-- The work with one person after their referral was accepted. person_id repeats the
-- referral's so the caseload of a person reads without the referral; Verify checks the
-- two agree. The clinician may be NULL: a case outlives its clinician's allocation.
CREATE TABLE cases (
    id                     INTEGER PRIMARY KEY,
    referral_id            INTEGER NOT NULL UNIQUE REFERENCES referrals (id),
    person_id              INTEGER NOT NULL REFERENCES people (id),
    allocated_clinician_id INTEGER REFERENCES clinicians (id),
    opened_at              TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', opened_at) IS opened_at),
    status                 TEXT NOT NULL CHECK (status IN ('open', 'closed'))
) STRICT;

CREATE INDEX cases_person ON cases (person_id);
-- A clinician's caseload.
CREATE INDEX cases_clinician ON cases (allocated_clinician_id) WHERE allocated_clinician_id IS NOT NULL;

CREATE TRIGGER screenings_no_update BEFORE UPDATE ON screenings
BEGIN
    SELECT RAISE(ABORT, 'screening decisions are kept as made: they cannot be changed');
END;

CREATE TRIGGER screenings_no_delete BEFORE DELETE ON screenings
BEGIN
    SELECT RAISE(ABORT, 'screening decisions are kept as made: they cannot be deleted');
END;

CREATE TRIGGER consultations_no_update BEFORE UPDATE ON consultations
BEGIN
    SELECT RAISE(ABORT, 'consultations are kept as recorded: they cannot be changed');
END;

CREATE TRIGGER consultations_no_delete BEFORE DELETE ON consultations
BEGIN
    SELECT RAISE(ABORT, 'consultations are kept as recorded: they cannot be deleted');
END;

CREATE TRIGGER withdrawals_no_update BEFORE UPDATE ON withdrawals
BEGIN
    SELECT RAISE(ABORT, 'withdrawals are kept as recorded: they cannot be changed');
END;

CREATE TRIGGER withdrawals_no_delete BEFORE DELETE ON withdrawals
BEGIN
    SELECT RAISE(ABORT, 'withdrawals are kept as recorded: they cannot be deleted');
END;
