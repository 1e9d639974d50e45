-- 0003: the case record: formulation versions, clinical notes and their addenda, and the
-- full-text search over them. Forward-only, with the conventions of 0001: STRICT;
-- instants TEXT UTC RFC 3339 to the second; enumerations TEXT with a CHECK listing the
-- codes of internal/domain; unknown is NULL, never ''.
--
-- A draft belongs to its author and changes freely; signing sets signed_at and hash (the
-- SHA-256 of the signed content, domain/signature.go) together, and from then on the row
-- never changes: the triggers below refuse it, and Verify recomputes every hash.

-- One version of a case's formulation. sections is a JSON object of section id to text
-- (domain.FormulationSections; empty sections are left out). A new version supersedes
-- the latest signed one; a case has at most one draft at a time.
CREATE TABLE formulations (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases (id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    supersedes_id INTEGER REFERENCES formulations (id),
    author_id     INTEGER NOT NULL REFERENCES clinicians (id),
    sections      TEXT NOT NULL CHECK (CASE WHEN json_valid(sections) THEN json_type(sections) = 'object' ELSE 0 END),
    created_at    TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at) IS created_at),
    updated_at    TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at) IS updated_at),
    signed_at     TEXT CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', signed_at) IS signed_at),
    hash          TEXT CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    CHECK ((signed_at IS NULL) = (hash IS NULL)),
    CHECK ((version = 1) = (supersedes_id IS NULL)),
    UNIQUE (case_id, version)
) STRICT;

-- At most one draft per case; also how a case's draft and an author's drafts are found.
CREATE UNIQUE INDEX formulations_one_draft ON formulations (case_id) WHERE signed_at IS NULL;

-- Every section is text (a CHECK cannot look inside the object).
CREATE TRIGGER formulations_sections_text BEFORE INSERT ON formulations
WHEN CASE WHEN json_valid(NEW.sections) THEN
    EXISTS (SELECT 1 FROM json_each(NEW.sections) WHERE type <> 'text') ELSE 0 END
BEGIN
    SELECT RAISE(ABORT, 'each formulation section is text');
END;

CREATE TRIGGER formulations_sections_text_update BEFORE UPDATE OF sections ON formulations
WHEN CASE WHEN json_valid(NEW.sections) THEN
    EXISTS (SELECT 1 FROM json_each(NEW.sections) WHERE type <> 'text') ELSE 0 END
BEGIN
    SELECT RAISE(ABORT, 'each formulation section is text');
END;

-- A new version names an earlier signed version of the same case.
CREATE TRIGGER formulations_supersede_signed BEFORE INSERT ON formulations
WHEN NEW.supersedes_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM formulations
    WHERE id = NEW.supersedes_id AND case_id = NEW.case_id AND signed_at IS NOT NULL AND version < NEW.version)
BEGIN
    SELECT RAISE(ABORT, 'a formulation version supersedes an earlier signed version of the same case');
END;

-- One contact. A draft may lack its type and contact time while it is written; a signed
-- note has them and some text. contact_at is when the contact happened, created_at when
-- the note was started (a late entry shows both).
CREATE TABLE notes (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES cases (id),
    author_id        INTEGER NOT NULL REFERENCES clinicians (id),
    type             TEXT CHECK (type IN ('face-to-face', 'telephone', 'video', 'in-custody',
                         'professionals-meeting', 'mdt', 'risk-forum', 'attempted-contact', 'other')),
    contact_at       TEXT CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', contact_at) IS contact_at),
    duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
    present          TEXT CHECK (present <> ''),
    text             TEXT NOT NULL,
    created_at       TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at) IS created_at),
    updated_at       TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at) IS updated_at),
    signed_at        TEXT CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', signed_at) IS signed_at),
    hash             TEXT CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    CHECK ((signed_at IS NULL) = (hash IS NULL)),
    CHECK (signed_at IS NULL OR (type IS NOT NULL AND contact_at IS NOT NULL AND trim(text) <> ''))
) STRICT;

-- The notes of a case, newest contact first.
CREATE INDEX notes_case ON notes (case_id, contact_at DESC, id DESC);
-- The drafts of an author, oldest first, and the drafts of a case (few rows each).
CREATE INDEX notes_author_drafts ON notes (author_id, created_at, id) WHERE signed_at IS NULL;
CREATE INDEX notes_case_drafts ON notes (case_id) WHERE signed_at IS NULL;

-- A signed addition to a signed note, by its own author: written and signed in one step,
-- and never changed or removed.
CREATE TABLE addenda (
    id        INTEGER PRIMARY KEY,
    note_id   INTEGER NOT NULL REFERENCES notes (id),
    author_id INTEGER NOT NULL REFERENCES clinicians (id),
    kind      TEXT NOT NULL CHECK (kind IN ('correction', 'later-information')),
    text      TEXT NOT NULL CHECK (trim(text) <> ''),
    signed_at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', signed_at) IS signed_at),
    hash      TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
) STRICT;

CREATE INDEX addenda_note ON addenda (note_id, id);

CREATE TRIGGER addenda_signed_note BEFORE INSERT ON addenda
WHEN NOT EXISTS (SELECT 1 FROM notes WHERE id = NEW.note_id AND signed_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'addenda are added to signed notes only');
END;

-- Signed records are immutable; drafts keep their case and author.
CREATE TRIGGER notes_signed_no_update BEFORE UPDATE ON notes WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'signed notes cannot be changed: add an addendum instead');
END;

CREATE TRIGGER notes_signed_no_delete BEFORE DELETE ON notes WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'signed notes cannot be deleted');
END;

CREATE TRIGGER notes_keep_owner BEFORE UPDATE OF id, case_id, author_id ON notes
WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.author_id IS NOT OLD.author_id
BEGIN
    SELECT RAISE(ABORT, 'a note stays with its case and its author');
END;

CREATE TRIGGER formulations_signed_no_update BEFORE UPDATE ON formulations WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'signed formulation versions cannot be changed: start a new version instead');
END;

CREATE TRIGGER formulations_signed_no_delete BEFORE DELETE ON formulations WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'signed formulation versions cannot be deleted');
END;

CREATE TRIGGER formulations_keep_owner BEFORE UPDATE OF id, case_id, version, supersedes_id, author_id ON formulations
WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.version IS NOT OLD.version
    OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.author_id IS NOT OLD.author_id
BEGIN
    SELECT RAISE(ABORT, 'a formulation version stays with its case, number and author');
END;

CREATE TRIGGER addenda_no_update BEFORE UPDATE ON addenda
BEGIN
    SELECT RAISE(ABORT, 'signed addenda cannot be changed');
END;

CREATE TRIGGER addenda_no_delete BEFORE DELETE ON addenda
BEGIN
    SELECT RAISE(ABORT, 'signed addenda cannot be deleted');
END;

-- A clinician who leaves is deactivated, never deleted: their records still name them.
CREATE TRIGGER clinicians_no_delete BEFORE DELETE ON clinicians
BEGIN
    SELECT RAISE(ABORT, 'clinicians are deactivated, never deleted');
END;

-- Full-text search, one FTS5 index per kind of record, kept in step by the triggers
-- below (drafts too: Search shows a draft only to its author). Notes and addenda are
-- external-content indexes over their tables (the text is not stored twice); the rowid
-- is the record's id. A formulation's text is its sections joined by newlines, held in
-- the index itself (formulations are few), since the JSON would index its keys.
CREATE VIRTUAL TABLE notes_search USING fts5 (present, text,
    content = 'notes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');

CREATE VIRTUAL TABLE addenda_search USING fts5 (text,
    content = 'addenda', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');

CREATE VIRTUAL TABLE formulations_search USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER notes_search_insert AFTER INSERT ON notes
BEGIN
    INSERT INTO notes_search (rowid, present, text) VALUES (NEW.id, NEW.present, NEW.text);
END;

CREATE TRIGGER notes_search_update AFTER UPDATE OF present, text ON notes
BEGIN
    INSERT INTO notes_search (notes_search, rowid, present, text) VALUES ('delete', OLD.id, OLD.present, OLD.text);
    INSERT INTO notes_search (rowid, present, text) VALUES (NEW.id, NEW.present, NEW.text);
END;

CREATE TRIGGER notes_search_delete AFTER DELETE ON notes
BEGIN
    INSERT INTO notes_search (notes_search, rowid, present, text) VALUES ('delete', OLD.id, OLD.present, OLD.text);
END;

CREATE TRIGGER addenda_search_insert AFTER INSERT ON addenda
BEGIN
    INSERT INTO addenda_search (rowid, text) VALUES (NEW.id, NEW.text);
END;

CREATE TRIGGER formulations_search_insert AFTER INSERT ON formulations
BEGIN
    INSERT INTO formulations_search (rowid, text)
        VALUES (NEW.id, (SELECT group_concat(value, char(10)) FROM json_each(NEW.sections)));
END;

CREATE TRIGGER formulations_search_update AFTER UPDATE OF sections ON formulations
BEGIN
    DELETE FROM formulations_search WHERE rowid = OLD.id;
    INSERT INTO formulations_search (rowid, text)
        VALUES (NEW.id, (SELECT group_concat(value, char(10)) FROM json_each(NEW.sections)));
END;

CREATE TRIGGER formulations_search_delete AFTER DELETE ON formulations
BEGIN
    DELETE FROM formulations_search WHERE rowid = OLD.id;
END;
