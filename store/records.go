package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"caseload/internal/domain"
)

// The case record (notes, addenda, formulation versions) is written by clinicians: each
// change names its clinician, who must exist and be active, goes in the audit as
// "clinician:N", and is made in one IMMEDIATE transaction with its audit entry. The
// record is read inside that transaction and the domain decides on what was read
// (CheckForSigning, CheckAddendum), so two sessions signing one draft take turns and
// the second finds it signed.

// MaxTextBytes is the most one text may hold: a note, an addendum, who was present, or
// one section of a formulation. 1 MiB is some 150,000 words.
const MaxTextBytes = 1 << 20

// clinicianActor is how a clinician appears in the audit.
func clinicianActor(id int64) string { return "clinician:" + strconv.FormatInt(id, 10) }

// querier reads from the database or, where the reading belongs to a change, from the
// transaction that makes it.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// textProblem says why text cannot be kept ("" when it can): too long, not UTF-8, or
// holding a NUL, which SQLite's text functions would cut the text at.
func textProblem(s string) string {
	switch {
	case len(s) > MaxTextBytes:
		return fmt.Sprintf("is %.1f MiB, over the limit of 1 MiB: split it into two", float64(len(s))/(1<<20))
	case !utf8.ValidString(s):
		return "is not valid UTF-8 text: paste it again from its source"
	case strings.IndexByte(s, 0) >= 0:
		return "contains a NUL character: paste it again from its source"
	}
	return ""
}

// second is an instant as the store keeps it: UTC, to the second.
func second(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

// optionalTime parses a nullable instant, read as "" when NULL.
func optionalTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return parseTime(s)
}

// optionalStamp stores a zero instant as NULL.
func optionalStamp(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

// activeClinician refuses a change by a clinician who does not exist or has left.
func (s *Store) activeClinician(ctx context.Context, tx *sql.Tx, id int64) error {
	var active bool
	var name string
	err := tx.QueryRowContext(ctx, "SELECT active, name FROM clinicians WHERE id = ?", id).Scan(&active, &name)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return newError(ErrNotFound, s.path, "clinician %d does not exist: choose who you are from the team list", id)
	case err != nil:
		return err
	case !active:
		return deactivatedError(s.path, name)
	}
	return nil
}

// caseExists refuses a record for a case that does not exist.
func (s *Store) caseExists(ctx context.Context, tx *sql.Tx, caseID int64) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM cases WHERE id = ?", caseID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return newError(ErrNotFound, s.path, "case %d does not exist", caseID)
	}
	return err
}

// refusedRecord carries a signing rule the domain enforced: a signed record is
// ErrConflict (someone signed it, perhaps in another session) and unwraps to
// domain.ErrSigned; anything else the person can put right is ErrInvalid.
func (s *Store) refusedRecord(err error) *Error {
	kind := ErrInvalid
	if errors.Is(err, domain.ErrSigned) {
		kind = ErrConflict
	}
	return &Error{Kind: kind, Path: s.path, Msg: oneLine.Replace(err.Error()), Cause: err}
}

// notAuthor refuses a change to someone else's draft (domain.CheckDraftEdit).
func (s *Store) notAuthor(what string, id, author int64) *Error {
	e := newError(ErrConflict, s.path, "%s %d is a draft by clinician %d: only its author can change or sign it", what, id, author)
	e.Cause = domain.ErrNotAuthor
	return e
}

// noteProblem checks what a draft may hold: it may be incomplete (signing asks for the
// rest), but what it holds must fit the schema.
func noteProblem(n domain.Note) string {
	switch {
	case n.Type != "" && !n.Type.Valid():
		codes := make([]string, len(domain.NoteTypes))
		for i, t := range domain.NoteTypes {
			codes[i] = string(t)
		}
		return fmt.Sprintf("the type of contact %q is not one of %s", string(n.Type), strings.Join(codes, ", "))
	case n.DurationMinutes < 0:
		return "the duration cannot be negative"
	case !n.ContactAt.IsZero() && instantProblem(n.ContactAt) != "":
		return "the contact time " + instantProblem(n.ContactAt)
	}
	if why := textProblem(n.Present); why != "" {
		return "who was present " + why
	}
	if why := textProblem(n.Text); why != "" {
		return "the note " + why
	}
	return ""
}
