-- 0018 (issue 14): the end of a case and the team's load. Conventions of 0001: STRICT;
-- instants TEXT UTC RFC 3339 to the second; dates YYYY-MM-DD; enumerations TEXT with a
-- CHECK listing the codes of internal/domain; unknown is NULL, never ''.
--
-- A case closes when its discharge summary is signed (docs/RULES.md, "Closing a case"):
-- the summary carries the closure (day, reason, the service transferred to, words, the
-- date of death) and the summary's five parts, is drafted freely by its author, and
-- once signed never changes. cases.status says whether a case is open, changed in the
-- same transaction as the signing or the reopening, so every list that shows open cases
-- stays as it is.

CREATE TABLE discharge_summaries (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases (id),
    author_id      INTEGER NOT NULL REFERENCES clinicians (id),
    closed_on      TEXT CHECK (date(closed_on) IS closed_on),
    reason         TEXT CHECK (reason IN ('completed', 'disengaged', 'transferred', 'recalled',
                       'moved-away', 'died', 'other')),
    transferred_to TEXT CHECK (transferred_to <> ''),
    words          TEXT CHECK (words <> ''),
    died_on        TEXT CHECK (date(died_on) IS died_on),
    work_done      TEXT NOT NULL DEFAULT '',
    formulation    TEXT NOT NULL DEFAULT '',
    risk           TEXT NOT NULL DEFAULT '',
    services       TEXT NOT NULL DEFAULT '',
    told           TEXT NOT NULL DEFAULT '',
    revision       INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    created_at     TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at) IS created_at),
    updated_at     TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at) IS updated_at),
    signed_at      TEXT CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', signed_at) IS signed_at),
    hash           TEXT CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    CHECK ((signed_at IS NULL) = (hash IS NULL)),
    CHECK (signed_at IS NULL OR (closed_on IS NOT NULL AND reason IS NOT NULL)),
    CHECK (reason IS NOT 'died' OR signed_at IS NULL OR died_on IS NOT NULL)
) STRICT;

-- At most one draft per case; a case's summaries in order.
CREATE UNIQUE INDEX discharge_summaries_one_draft ON discharge_summaries (case_id) WHERE signed_at IS NULL;
CREATE INDEX discharge_summaries_case ON discharge_summaries (case_id, id);

CREATE TRIGGER discharge_summaries_signed_no_update BEFORE UPDATE ON discharge_summaries WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a signed discharge summary cannot be changed');
END;

CREATE TRIGGER discharge_summaries_signed_no_delete BEFORE DELETE ON discharge_summaries WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a signed discharge summary cannot be deleted');
END;

CREATE TRIGGER discharge_summaries_keep_owner BEFORE UPDATE OF id, case_id, author_id ON discharge_summaries
WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.author_id IS NOT OLD.author_id
BEGIN
    SELECT RAISE(ABORT, 'a discharge summary stays with its case and its author');
END;

-- A closed case brought back by a lead, with why: the closing it undoes (one reopening
-- per closing) stays as signed.
CREATE TABLE case_reopenings (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    summary_id  INTEGER NOT NULL UNIQUE REFERENCES discharge_summaries (id),
    lead_id     INTEGER NOT NULL REFERENCES clinicians (id),
    reason      TEXT NOT NULL CHECK (trim(reason) <> ''),
    reopened_at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', reopened_at) IS reopened_at)
) STRICT;

CREATE INDEX case_reopenings_case ON case_reopenings (case_id, id);

CREATE TRIGGER case_reopenings_no_update BEFORE UPDATE ON case_reopenings
BEGIN
    SELECT RAISE(ABORT, 'a reopening is kept as recorded: it cannot be changed');
END;

CREATE TRIGGER case_reopenings_no_delete BEFORE DELETE ON case_reopenings
BEGIN
    SELECT RAISE(ABORT, 'a reopening is kept as recorded: it cannot be deleted');
END;

-- A case passed from one clinician (or none) to another, with a signed handover note;
-- over_cap_reason is why, when the new clinician already held their cap.
CREATE TABLE handovers (
    id                INTEGER PRIMARY KEY,
    case_id           INTEGER NOT NULL REFERENCES cases (id),
    from_clinician_id INTEGER REFERENCES clinicians (id),
    to_clinician_id   INTEGER NOT NULL REFERENCES clinicians (id),
    by_id             INTEGER NOT NULL REFERENCES clinicians (id),
    note              TEXT NOT NULL CHECK (trim(note) <> ''),
    over_cap_reason   TEXT CHECK (trim(over_cap_reason) <> ''),
    signed_at         TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', signed_at) IS signed_at),
    hash              TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    CHECK (from_clinician_id IS NOT to_clinician_id)
) STRICT;

CREATE INDEX handovers_case ON handovers (case_id, id);

CREATE TRIGGER handovers_no_update BEFORE UPDATE ON handovers
BEGIN
    SELECT RAISE(ABORT, 'a signed handover cannot be changed');
END;

CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers
BEGIN
    SELECT RAISE(ABORT, 'a signed handover cannot be deleted');
END;

-- A case allocated at its consultation to a clinician who already held the caseload cap,
-- with why (a handover past the cap keeps its reason on the handover).
CREATE TABLE over_cap_allocations (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL UNIQUE REFERENCES cases (id),
    clinician_id INTEGER NOT NULL REFERENCES clinicians (id),
    held         INTEGER NOT NULL CHECK (held >= 0),
    cap          INTEGER NOT NULL CHECK (cap > 0),
    reason       TEXT NOT NULL CHECK (trim(reason) <> ''),
    recorded_by  TEXT NOT NULL CHECK (recorded_by <> ''),
    recorded_at  TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at) IS recorded_at)
) STRICT;

CREATE TRIGGER over_cap_allocations_no_update BEFORE UPDATE ON over_cap_allocations
BEGIN
    SELECT RAISE(ABORT, 'an allocation past the cap is kept as recorded: it cannot be changed');
END;

CREATE TRIGGER over_cap_allocations_no_delete BEFORE DELETE ON over_cap_allocations
BEGIN
    SELECT RAISE(ABORT, 'an allocation past the cap is kept as recorded: it cannot be deleted');
END;

-- A person's request for their record (UK GDPR article 15): due one calendar month after
-- it was received, extendable once by up to two more months with a reason; answered
-- when the record was sent.
CREATE TABLE access_requests (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES people (id),
    received_on      TEXT NOT NULL CHECK (date(received_on) IS received_on),
    requested_by     TEXT NOT NULL CHECK (trim(requested_by) <> ''),
    due_on           TEXT NOT NULL CHECK (date(due_on) IS due_on),
    extended_to      TEXT CHECK (date(extended_to) IS extended_to),
    extension_reason TEXT CHECK (trim(extension_reason) <> ''),
    answered_on      TEXT CHECK (date(answered_on) IS answered_on),
    recorded_by      TEXT NOT NULL CHECK (recorded_by <> ''),
    recorded_at      TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at) IS recorded_at),
    CHECK ((extended_to IS NULL) = (extension_reason IS NULL)),
    CHECK (due_on > received_on),
    CHECK (extended_to IS NULL OR extended_to > due_on)
) STRICT;

CREATE INDEX access_requests_open ON access_requests (due_on) WHERE answered_on IS NULL;
CREATE INDEX access_requests_person ON access_requests (person_id);

CREATE TRIGGER access_requests_no_delete BEFORE DELETE ON access_requests
BEGIN
    SELECT RAISE(ABORT, 'a subject access request is kept: it cannot be deleted');
END;

-- A decision about a closed record past its retention review, made outside the app by
-- the records manager and recorded here: keep until a later review, or destroy (the app
-- itself never deletes; the destruction is done and certified outside it).
CREATE TABLE retention_decisions (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    decided_on  TEXT NOT NULL CHECK (date(decided_on) IS decided_on),
    decision    TEXT NOT NULL CHECK (decision IN ('keep', 'destroy')),
    keep_until  TEXT CHECK (date(keep_until) IS keep_until),
    decided_by  TEXT NOT NULL CHECK (trim(decided_by) <> ''),
    reference   TEXT CHECK (trim(reference) <> ''),
    recorded_by TEXT NOT NULL CHECK (recorded_by <> ''),
    recorded_at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at) IS recorded_at),
    CHECK ((decision = 'keep') = (keep_until IS NOT NULL))
) STRICT;

CREATE INDEX retention_decisions_case ON retention_decisions (case_id, id);

CREATE TRIGGER retention_decisions_no_update BEFORE UPDATE ON retention_decisions
BEGIN
    SELECT RAISE(ABORT, 'a retention decision is kept as recorded: it cannot be changed');
END;

CREATE TRIGGER retention_decisions_no_delete BEFORE DELETE ON retention_decisions
BEGIN
    SELECT RAISE(ABORT, 'a retention decision is kept as recorded: it cannot be deleted');
END;

-- The settings take a third key, caseload-cap, the open cases one clinician holds before
-- an allocation warns (docs/RULES.md, "Caseload sizes"). The table is made again with
-- the same rows, ids and values, as 0017 did, so their seals still hold.
CREATE TABLE settings_new (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE CHECK (key IN ('screening-deadline', 'idle-lock-minutes', 'caseload-cap')),
    value TEXT NOT NULL CHECK (CASE key
              WHEN 'screening-deadline' THEN value IN ('48-hours', '2-working-days')
              WHEN 'idle-lock-minutes' THEN value IN ('15', '5', '10', '20', '30')
              WHEN 'caseload-cap' THEN value IN ('8', '4', '5', '6', '7', '9', '10', '12', '15', '20')
              ELSE 0 END)
) STRICT;

INSERT INTO settings_new (id, key, value) SELECT id, key, value FROM settings;
DROP TABLE settings;
ALTER TABLE settings_new RENAME TO settings;
