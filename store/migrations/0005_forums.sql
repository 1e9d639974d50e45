-- 0005: the risk forums (DOMAIN.md 4): a case's standing with MAPPA, MARAC and Channel
-- Panel, and each meeting the service informs or attends. Forward-only, with the
-- conventions of 0001. Not signed records: a meeting gains its outcome and actions after
-- it is held, so rows change, and every change is audited with the old and new values.

CREATE TABLE forum_involvements (
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    forum     TEXT NOT NULL CHECK (forum IN ('MAPPA', 'MARAC', 'CHANNEL')),
    -- MAPPA only: the category (1-3, not_mappa, unknown) and the level (1-3, NULL none).
    category  TEXT CHECK (category IN ('1', '2', '3', 'not_mappa', 'unknown')),
    level     INTEGER CHECK (level IN (1, 2, 3)),
    as_at     TEXT CHECK (date(as_at) IS as_at),
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    note      TEXT CHECK (note <> ''),
    PRIMARY KEY (case_id, forum),
    CHECK ((forum = 'MAPPA' AND category IS NOT NULL) OR (forum <> 'MAPPA' AND category IS NULL AND level IS NULL)),
    CHECK (category IS NOT 'not_mappa' OR level IS NULL)
) STRICT;

CREATE TABLE forum_meetings (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    kind         TEXT NOT NULL CHECK (kind IN ('MAPPA_L2', 'MAPPA_L3', 'MARAC', 'CHANNEL', 'OTHER')),
    meeting_date TEXT NOT NULL CHECK (date(meeting_date) IS meeting_date),
    chair        TEXT CHECK (chair <> ''),
    role         TEXT NOT NULL CHECK (role IN ('attends', 'informs', 'invited_not_attended')),
    report_due   TEXT CHECK (date(report_due) IS report_due AND report_due <= meeting_date),
    -- The day the service's report went: an outstanding report is due and not sent.
    report_sent  TEXT CHECK (report_sent IS NULL OR (date(report_sent) IS report_sent AND report_due IS NOT NULL)),
    team         TEXT CHECK (team <> ''),
    shared       TEXT CHECK (shared <> ''),
    legal_basis  TEXT CHECK (legal_basis <> ''),
    outcome      TEXT CHECK (outcome <> ''),
    recorded_by  TEXT NOT NULL CHECK (recorded_by <> ''),
    recorded_at  TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at) IS recorded_at),
    updated_at   TEXT CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at) IS updated_at)
) STRICT;

-- A case's meetings, and the caseload's meetings by date (the forums and home screens).
CREATE INDEX forum_meetings_case ON forum_meetings (case_id, meeting_date);
CREATE INDEX forum_meetings_date ON forum_meetings (meeting_date);
CREATE INDEX forum_meetings_report ON forum_meetings (report_due) WHERE report_due IS NOT NULL;

-- The service's actions from a meeting, in the order agreed; replaced as a whole when
-- the meeting is edited (the audit keeps the old list).
CREATE TABLE forum_actions (
    meeting_id INTEGER NOT NULL REFERENCES forum_meetings (id),
    position   INTEGER NOT NULL CHECK (position >= 1),
    text       TEXT NOT NULL CHECK (trim(text) <> ''),
    due        TEXT CHECK (date(due) IS due),
    PRIMARY KEY (meeting_id, position)
) STRICT;
