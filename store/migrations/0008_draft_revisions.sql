-- 0008: every draft (a note, a formulation version) carries a revision: 1 when it is
-- started, one more on every save. A save or a signing names the revision the editor or
-- the screen last read, and the store refuses it unless that is still the latest, so two
-- windows on one draft can never silently overwrite each other, and a signing signs
-- exactly the text that was on screen (docs/HAZARDS.md: "lost draft", "signed text not
-- seen"). The revision is not signed content: a signed record keeps the revision it was
-- signed at, and the hashes do not cover it.

ALTER TABLE notes ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);

ALTER TABLE formulations ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
