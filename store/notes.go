package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/domain"
)

// noteDraftSaved is the audit detail of "note.draft_saved": ids only, never the text.
type noteDraftSaved struct {
	NoteID  int64 `json:"note_id"`
	CaseID  int64 `json:"case_id"`
	Created bool  `json:"created"`
}

// noteSigned is the audit detail of "note.signed": the hash ties the audit to the
// signed content, and Verify checks the two still agree.
type noteSigned struct {
	NoteID   int64  `json:"note_id"`
	CaseID   int64  `json:"case_id"`
	Hash     string `json:"hash"`
	Revision int    `json:"revision,omitempty"`
}

// addendumSigned is the audit detail of "note.addendum_signed", an entry about the note.
type addendumSigned struct {
	AddendumID int64  `json:"addendum_id"`
	NoteID     int64  `json:"note_id"`
	CaseID     int64  `json:"case_id"`
	Kind       string `json:"kind"`
	Hash       string `json:"hash"`
}

// SaveNoteDraft saves a draft note by clinicianID, as they type: with n.ID 0 it starts a
// draft on n.CaseID (created and updated at at, revision 1), otherwise it replaces the
// type, contact time, duration, who was present and text of the clinician's own draft
// n.ID, provided n.Revision is still its latest revision, and adds one to the revision.
// A draft may be incomplete; what it holds must be valid (a known type, a duration not
// below zero, text of at most MaxTextBytes of UTF-8). n.AuthorID and the times are set
// by the store. A save from an older revision (the draft was saved since, in another
// window) is refused with ErrStale, a signed note with ErrConflict unwrapping to
// domain.ErrSigned, both carrying a *StaleError that names who and when; another
// clinician's draft is refused with ErrConflict. Audit "note.draft_saved" (ids only).
// It returns the draft as stored, with its new revision: times to the second, in UTC.
func (s *Store) SaveNoteDraft(ctx context.Context, clinicianID int64, at time.Time, n domain.Note) (domain.Note, error) {
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.Note{}, err
	}
	if why := noteProblem(n); why != "" {
		return domain.Note{}, newError(ErrInvalid, s.path, "%s", why)
	}
	at = second(at)
	var saved domain.Note
	err := s.inTx(ctx, "saving a note", func(tx *sql.Tx) error {
		if err := s.activeClinician(ctx, tx, clinicianID); err != nil {
			return err
		}
		created := n.ID == 0
		if created {
			if err := s.caseExists(ctx, tx, n.CaseID); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO notes (case_id, author_id, type, contact_at, duration_minutes,
				present, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				n.CaseID, clinicianID, null(string(n.Type)), optionalStamp(n.ContactAt), n.DurationMinutes,
				null(n.Present), n.Text, formatTime(at), formatTime(at))
			if err != nil {
				return err
			}
			if n.ID, err = res.LastInsertId(); err != nil {
				return err
			}
		} else {
			old, err := s.note(ctx, tx, n.ID)
			if err != nil {
				return err
			}
			switch {
			case old.Signed():
				return s.refuseStale(ctx, tx, at, noteStale(old, n.Revision))
			case errors.Is(domain.CheckDraftEdit(old.AuthorID, clinicianID, false), domain.ErrNotAuthor):
				return s.notAuthor("note", old.ID, old.AuthorID)
			case n.CaseID != 0 && n.CaseID != old.CaseID:
				return newError(ErrInvalid, s.path, "note %d belongs to case %d, not case %d", old.ID, old.CaseID, n.CaseID)
			case n.Revision != old.Revision:
				return s.refuseStale(ctx, tx, at, noteStale(old, n.Revision))
			}
			_, err = tx.ExecContext(ctx, `UPDATE notes SET type = ?, contact_at = ?, duration_minutes = ?, present = ?,
				text = ?, updated_at = ?, revision = revision + 1 WHERE id = ? AND signed_at IS NULL AND revision = ?`,
				null(string(n.Type)), optionalStamp(n.ContactAt), n.DurationMinutes, null(n.Present), n.Text,
				formatTime(at), n.ID, n.Revision)
			if err != nil {
				return err
			}
		}
		var err error
		if saved, err = s.note(ctx, tx, n.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "note.draft_saved", "note", saved.ID,
			noteDraftSaved{NoteID: saved.ID, CaseID: saved.CaseID, Created: created})
	})
	if err != nil {
		return domain.Note{}, err
	}
	return saved, nil
}

// SignNote signs clinicianID's draft id at at, exactly as it stood at revision, the one
// on the signer's screen: a draft saved since is refused with ErrStale (a *StaleError
// naming who and when), so nobody signs text they did not see. Then the domain's
// CheckForSigning (the author, a type, a contact time not in the future, some text),
// signed_at and the hash of the signed content (domain.SignedNoteHash), which from then
// on never change. Audit "note.signed" with the hash and the revision. It returns the
// signed note.
func (s *Store) SignNote(ctx context.Context, clinicianID int64, at time.Time, id int64, revision int) (domain.Note, error) {
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.Note{}, err
	}
	at = second(at)
	var n domain.Note
	err := s.inTx(ctx, "signing a note", func(tx *sql.Tx) error {
		if err := s.activeClinician(ctx, tx, clinicianID); err != nil {
			return err
		}
		var err error
		if n, err = s.note(ctx, tx, id); err != nil {
			return err
		}
		switch {
		case n.Signed():
			return s.refuseStale(ctx, tx, at, noteStale(n, revision))
		case n.AuthorID == clinicianID && n.Revision != revision:
			return s.refuseStale(ctx, tx, at, noteStale(n, revision))
		}
		if err := n.CheckForSigning(clinicianID, at); err != nil {
			return s.refusedRecord(err)
		}
		n.SignedAt = at
		n.Hash = domain.SignedNoteHash(n)
		if _, err := tx.ExecContext(ctx, "UPDATE notes SET signed_at = ?, hash = ? WHERE id = ? AND signed_at IS NULL AND revision = ?",
			formatTime(at), n.Hash, id, revision); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "note.signed", "note", id,
			noteSigned{NoteID: id, CaseID: n.CaseID, Hash: n.Hash, Revision: n.Revision})
	})
	if err != nil {
		return domain.Note{}, err
	}
	return n, nil
}

// AddAddendum adds a.Text to the signed note a.NoteID as a correction or later
// information (domain.CheckAddendum), written and signed in one step by clinicianID at
// at, who need not be the note's author. a.ID, AuthorID, SignedAt and Hash are set by
// the store; the hash is domain.AddendumHash. Audit "note.addendum_signed" about the
// note, with the hash. It returns the addendum as stored.
func (s *Store) AddAddendum(ctx context.Context, clinicianID int64, at time.Time, a domain.Addendum) (domain.Addendum, error) {
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.Addendum{}, err
	}
	if why := textProblem(a.Text); why != "" {
		return domain.Addendum{}, newError(ErrInvalid, s.path, "the addendum %s", why)
	}
	a.AuthorID, a.SignedAt = clinicianID, second(at)
	err := s.inTx(ctx, "adding an addendum", func(tx *sql.Tx) error {
		if err := s.activeClinician(ctx, tx, clinicianID); err != nil {
			return err
		}
		n, err := s.note(ctx, tx, a.NoteID)
		if err != nil {
			return err
		}
		if err := domain.CheckAddendum(n, a); err != nil {
			return s.refusedRecord(err)
		}
		// The hash covers the id, so the id is chosen first: the next rowid, as SQLite
		// would choose it; the IMMEDIATE transaction keeps anyone else from taking it.
		if err := tx.QueryRowContext(ctx, "SELECT ifnull(max(id), 0) + 1 FROM addenda").Scan(&a.ID); err != nil {
			return err
		}
		a.Hash = domain.AddendumHash(a)
		if _, err := tx.ExecContext(ctx, `INSERT INTO addenda (id, note_id, author_id, kind, text, signed_at, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, a.ID, a.NoteID, a.AuthorID, string(a.Kind), a.Text, formatTime(a.SignedAt), a.Hash); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "note.addendum_signed", "note", n.ID, addendumSigned{
			AddendumID: a.ID, NoteID: n.ID, CaseID: n.CaseID, Kind: string(a.Kind), Hash: a.Hash})
	})
	if err != nil {
		return domain.Addendum{}, err
	}
	return a, nil
}
