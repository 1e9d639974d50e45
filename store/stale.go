package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
)

// ErrStale is a save or a signing made from a revision of a draft that is no longer the
// latest: the draft was saved since, in another window or another process. The store
// never merges the two; the editor offers the choices (docs/HAZARDS.md, "lost draft" and
// "signed text not seen"). The *Error carries a *StaleError as its Cause.
var ErrStale = errors.New("saved since it was read")

// StaleError says who last changed a draft and when, for the editor to offer a choice:
// keep its own text as a new draft, load the other, or see the two side by side. The
// store returns it as the Cause of an *Error, of kind ErrStale when the draft was saved
// since, or ErrConflict when it was signed since (then it unwraps to domain.ErrSigned
// too); errors.As finds it either way.
type StaleError struct {
	Record   string // "note" or "formulation"
	ID       int64
	Version  int       // of a formulation
	Revision int       // the latest revision; what the caller had is older
	ByID     int64     // who saved or signed it (a draft's author)
	By       string    // their name
	At       time.Time // when they saved or signed it
	Signed   bool      // it was signed, so it can no longer be saved over
	Tried    int       // the revision the refused save or signing was made from
	// refused is when the save or signing was refused: the sentence gives the day of At
	// only when it is not that day.
	refused time.Time
}

// Error is the sentence for a person, with the time in London: "Dr Amira Shah saved a
// newer version of this draft at 14:05", "this note was signed by Dr Amira Shah at
// 14:05: signed records cannot be changed" (the day too, when it was not today).
func (e *StaleError) Error() string {
	at := e.At.In(clock.London())
	when := at.Format("15:04")
	if y, m, d := at.Date(); e.refused.IsZero() || !sameDay(e.refused.In(clock.London()), y, m, d) {
		when += at.Format(" on 2 Jan 2006")
	}
	if e.Signed {
		what := "this note"
		switch e.Record {
		case "formulation":
			what = fmt.Sprintf("formulation version %d", e.Version)
		case "discharge summary":
			what = "this discharge summary"
		}
		return fmt.Sprintf("%s was signed by %s at %s: %s", what, e.By, when, domain.ErrSigned)
	}
	return fmt.Sprintf("%s saved a newer version of this draft at %s", e.By, when)
}

// Unwrap is domain.ErrSigned for a record signed since, so callers that branch on the
// signing rule keep working.
func (e *StaleError) Unwrap() error {
	if e.Signed {
		return domain.ErrSigned
	}
	return nil
}

func sameDay(t time.Time, y int, m time.Month, d int) bool {
	ty, tm, td := t.Date()
	return ty == y && tm == m && td == d
}

// refuseStale refuses a save or a signing made at refused from the revision e.Tried of
// a draft whose latest state e describes: it looks up the name of e.ByID.
func (s *Store) refuseStale(ctx context.Context, q querier, refused time.Time, e *StaleError) error {
	if err := q.QueryRowContext(ctx, "SELECT name FROM clinicians WHERE id = ?", e.ByID).Scan(&e.By); err != nil {
		return err
	}
	e.refused = refused
	kind := ErrStale
	if e.Signed {
		kind = ErrConflict
	}
	return &Error{Kind: kind, Path: s.path, Msg: oneLine.Replace(e.Error()), Cause: e}
}

// noteStale describes the latest state of note n for refuseStale.
func noteStale(n domain.Note, tried int) *StaleError {
	at := n.UpdatedAt
	if n.Signed() {
		at = n.SignedAt
	}
	return &StaleError{Record: "note", ID: n.ID, Revision: n.Revision, ByID: n.AuthorID, At: at, Signed: n.Signed(), Tried: tried}
}

// formulationStale describes the latest state of formulation version f for refuseStale.
func formulationStale(f domain.Formulation, tried int) *StaleError {
	at := f.UpdatedAt
	if f.Signed() {
		at = f.SignedAt
	}
	return &StaleError{Record: "formulation", Version: f.Version, ID: f.ID, Revision: f.Revision,
		ByID: f.AuthorID, At: at, Signed: f.Signed(), Tried: tried}
}

// Changer, ChangedAt and SignedSince let a screen, which never imports the store, read
// a refusal through errors.As with an interface of its own.

// Changer is who saved or signed the newer state.
func (e *StaleError) Changer() string { return e.By }

// ChangedAt is when.
func (e *StaleError) ChangedAt() time.Time { return e.At }

// SignedSince reports that the draft was signed, not just saved, since.
func (e *StaleError) SignedSince() bool { return e.Signed }
