package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"caseload/internal/domain"
)

// noteSelect reads notes; NULLs come back as the domain's zero values.
const noteSelect = `SELECT id, case_id, author_id, ifnull(type, ''), ifnull(contact_at, ''), duration_minutes,
	ifnull(present, ''), text, created_at, updated_at, ifnull(signed_at, ''), ifnull(hash, ''), revision FROM notes`

const addendumSelect = `SELECT a.id, a.note_id, a.author_id, a.kind, a.text, a.signed_at, a.hash FROM addenda a`

// Notes returns the notes of a case that viewer may see, newest contact first: every
// signed note, and viewer's own drafts (a draft without a contact time comes first,
// being written now), each signed note with its addenda oldest first. Two queries,
// whatever the number of notes.
func (s *Store) Notes(ctx context.Context, caseID int64, viewer int64) ([]domain.Note, error) {
	if err := s.reader("read notes"); err != nil {
		return nil, err
	}
	const what = "reading the notes"
	rows, err := s.db.QueryContext(ctx, noteSelect+` WHERE case_id = ? AND (signed_at IS NOT NULL OR author_id = ?)
		ORDER BY contact_at DESC, id DESC`, caseID, viewer)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	notes, err := s.scanNotes(rows)
	if err != nil {
		return nil, err
	}
	// NULL sorts last in a descending index; undated drafts belong at the top.
	undated := 0
	for i := len(notes) - 1; i >= 0 && notes[i].ContactAt.IsZero(); i-- {
		undated++
	}
	if undated > 0 {
		notes = slices.Concat(notes[len(notes)-undated:], notes[:len(notes)-undated])
	}
	addenda, err := s.queryAddenda(ctx, s.db, ` JOIN notes n ON n.id = a.note_id WHERE n.case_id = ?
		ORDER BY a.note_id, a.id`, caseID)
	if err != nil {
		return nil, err
	}
	if len(addenda) > 0 {
		byID := make(map[int64]int, len(notes))
		for i, n := range notes {
			byID[n.ID] = i
		}
		for _, a := range addenda {
			if i, ok := byID[a.NoteID]; ok {
				notes[i].Addenda = append(notes[i].Addenda, a)
			}
		}
	}
	return notes, nil
}

// Note returns one note with its addenda, oldest first; ErrNotFound if there is none.
// It does not ask who is looking: callers show a draft only to its author.
func (s *Store) Note(ctx context.Context, id int64) (domain.Note, error) {
	if err := s.reader("read a note"); err != nil {
		return domain.Note{}, err
	}
	n, err := s.note(ctx, s.db, id)
	if err != nil {
		return n, err
	}
	n.Addenda, err = s.queryAddenda(ctx, s.db, " WHERE a.note_id = ? ORDER BY a.id", id)
	return n, err
}

// Drafts returns clinicianID's unsigned notes on every case, oldest started first.
func (s *Store) Drafts(ctx context.Context, clinicianID int64) ([]domain.Note, error) {
	if err := s.reader("read drafts"); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, noteSelect+` WHERE author_id = ? AND signed_at IS NULL
		ORDER BY created_at, id`, clinicianID)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the drafts")
	}
	return s.scanNotes(rows)
}

// note reads one note without its addenda, in q (a transaction deciding on it).
func (s *Store) note(ctx context.Context, q querier, id int64) (domain.Note, error) {
	n, err := s.scanNote(q.QueryRowContext(ctx, noteSelect+" WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return n, newError(ErrNotFound, s.path, "note %d does not exist", id)
	}
	return n, err
}

func (s *Store) scanNotes(rows *sql.Rows) ([]domain.Note, error) {
	defer rows.Close()
	var notes []domain.Note
	for rows.Next() {
		n, err := s.scanNote(rows)
		if err != nil {
			return nil, err
		}
		notes = append(notes, n)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the notes")
	}
	return notes, nil
}

// scanNote returns sql.ErrNoRows as it is, for note to name the missing note.
func (s *Store) scanNote(row scanner) (domain.Note, error) {
	var (
		n                                          domain.Note
		typ, contact, created, updated, signed, by string
	)
	err := row.Scan(&n.ID, &n.CaseID, &n.AuthorID, &typ, &contact, &n.DurationMinutes, &n.Present, &n.Text,
		&created, &updated, &signed, &by, &n.Revision)
	if errors.Is(err, sql.ErrNoRows) {
		return n, err
	}
	if err != nil {
		return n, normalise(err, s.path, s.busy, "reading a note")
	}
	n.Type, n.Hash = domain.NoteType(typ), by
	var errs [4]error
	n.ContactAt, errs[0] = optionalTime(contact)
	n.CreatedAt, errs[1] = parseTime(created)
	n.UpdatedAt, errs[2] = parseTime(updated)
	n.SignedAt, errs[3] = optionalTime(signed)
	if err := errors.Join(errs[:]...); err != nil {
		// The CHECKs admit only well-formed times: the file was changed behind our back.
		return n, newError(ErrCorrupt, s.path, "note %d in %s has a malformed time: %v", n.ID, s.path, err)
	}
	return n, nil
}

// queryAddenda reads addenda with addendumSelect and tail (joins, filter, order).
func (s *Store) queryAddenda(ctx context.Context, q querier, tail string, args ...any) ([]domain.Addendum, error) {
	const what = "reading the addenda"
	rows, err := q.QueryContext(ctx, addendumSelect+tail, args...)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	var as []domain.Addendum
	for rows.Next() {
		var a domain.Addendum
		var kind, signed string
		if err := rows.Scan(&a.ID, &a.NoteID, &a.AuthorID, &kind, &a.Text, &signed, &a.Hash); err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
		a.Kind = domain.AddendumKind(kind)
		if a.SignedAt, err = parseTime(signed); err != nil {
			return nil, newError(ErrCorrupt, s.path, "addendum %d in %s has a malformed signing time %q", a.ID, s.path, signed)
		}
		as = append(as, a)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	return as, nil
}
