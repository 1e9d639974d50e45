-- 0001: the first caseload schema. Forward-only: never edit this file once released;
-- change the schema in a new numbered file instead.
--
-- Conventions: STRICT tables; timestamps TEXT UTC RFC 3339 to the second
-- (2026-11-24T21:35:00Z); dates TEXT YYYY-MM-DD; enumerations TEXT with a CHECK that
-- lists the codes of internal/domain; anything not known is NULL, never ''.
-- The CHECKs are the last line of defence: store validates first so that it can name
-- the field, but a value that slips past it still cannot reach the file.

CREATE TABLE clinicians (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (trim(name) <> ''),
    role         TEXT CHECK (role <> ''),
    registration TEXT CHECK (registration <> ''),
    -- UNIQUE, so one OS account can never act as two clinicians (NULLs do not clash).
    os_user      TEXT UNIQUE CHECK (os_user <> ''),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    given_name    TEXT NOT NULL CHECK (trim(given_name) <> ''),
    family_name   TEXT NOT NULL CHECK (trim(family_name) <> ''),
    date_of_birth TEXT CHECK (date(date_of_birth) IS date_of_birth),
    nhs_number    TEXT CHECK (length(nhs_number) = 10 AND nhs_number NOT GLOB '*[^0-9]*'),
    prison_number TEXT CHECK (prison_number <> ''),
    pnc_id        TEXT CHECK (pnc_id <> ''),
    crn           TEXT CHECK (crn <> ''),
    -- Set when the NHS number is in the test range: the person was made up (demo data).
    is_fictional  INTEGER NOT NULL DEFAULT 0 CHECK (is_fictional IN (0, 1))
) STRICT;

-- One person per NHS number; people without one are never matched, so NULLs stay out.
CREATE UNIQUE INDEX people_nhs_number ON people (nhs_number) WHERE nhs_number IS NOT NULL;

CREATE TABLE referrals (
    id                    INTEGER PRIMARY KEY,
    person_id             INTEGER NOT NULL REFERENCES people (id),
    source                TEXT NOT NULL CHECK (source IN
                              ('probation', 'nsd-ct', 'reconnect', 'opd', 'channel', 'self', 'other')),
    referrer_name         TEXT CHECK (referrer_name <> ''),
    referrer_org          TEXT CHECK (referrer_org <> ''),
    referrer_email        TEXT CHECK (referrer_email <> ''),
    current_prison        TEXT CHECK (current_prison <> ''),
    expected_release_date TEXT CHECK (date(expected_release_date) IS expected_release_date),
    release_date_type     TEXT CHECK (release_date_type IN
                              ('confirmed', 'CRD', 'ARD', 'PED', 'HDCED', 'HDCAD', 'APD', 'PRRD', 'other')),
    rosh                  TEXT CHECK (rosh IN ('low', 'medium', 'high', 'very-high')),
    priority_group        INTEGER CHECK (priority_group IN (-1, 1, 2, 3)), -- -1: none applies
    complex_health_needs  TEXT CHECK (complex_health_needs IN ('yes', 'no')),
    resettlement_area     TEXT CHECK (resettlement_area <> ''),
    approved_premises     TEXT CHECK (approved_premises IN ('yes', 'no')),
    referral_reason       TEXT CHECK (referral_reason <> ''),
    -- received_at starts the 48-hour clock; entered_at is only when it was typed in.
    received_at           TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', received_at) IS received_at),
    entered_at            TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', entered_at) IS entered_at),
    screened_at           TEXT CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', screened_at) IS screened_at),
    status                TEXT NOT NULL CHECK (status IN
                              ('received', 'screened-in', 'screened-out', 'consultation',
                               'accepted', 'not-accepted', 'withdrawn'))
) STRICT;

-- The queue reads referrals by status, oldest receipt first.
CREATE INDEX referrals_queue ON referrals (status, received_at);
CREATE INDEX referrals_person ON referrals (person_id);
-- The top of the queue loads first: running clocks oldest first, then the latest screened.
CREATE INDEX referrals_unscreened ON referrals (received_at) WHERE screened_at IS NULL;
CREATE INDEX referrals_received ON referrals (received_at);

-- The audit chain. AUTOINCREMENT, so ids are never reused and sqlite_sequence remembers
-- the highest id ever written: Verify uses it to notice entries cut off the end.
-- prev_hash is UNIQUE so that two entries can never extend the same link (no fork).
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at) IS at),
    actor     TEXT NOT NULL CHECK (actor <> ''),
    action    TEXT NOT NULL CHECK (action <> ''),
    entity    TEXT NOT NULL CHECK (entity <> ''),
    entity_id INTEGER NOT NULL,
    detail    TEXT NOT NULL CHECK (json_valid(detail)),
    prev_hash TEXT NOT NULL UNIQUE CHECK (length(prev_hash) = 64),
    hash      TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;

CREATE INDEX audit_entity ON audit (entity, entity_id);

-- Append-only: what happened cannot be rewritten or forgotten.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only: they cannot be changed');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only: they cannot be deleted');
END;
