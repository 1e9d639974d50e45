package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Reading is audited as changing is (docs/RULES.md, "What is audited"): who opened which
// referral, case or note, each search run with its words and which of its results was
// opened, and each session's start and end. Each is one audit entry of its own, in its
// own transaction, changing no row, so it carries no seals. The words of a search are
// clinical: they are kept here, inside the file the audit protects, and nowhere else.

// The actions of reading.
const (
	ActionSearchRun      = "search.run"
	ActionSearchOpened   = "search.opened"
	ActionSessionStarted = "session.started"
	ActionSessionEnded   = "session.ended"
)

// maxSearchWordsKept bounds the words of one search the audit keeps, in bytes.
const maxSearchWordsKept = 1000

// viewable are the records whose opening is audited, as "<entity>.viewed".
var viewable = map[string]bool{"referral": true, "case": true, "note": true}

// searchRun is the audit detail of "search.run".
type searchRun struct {
	Query   string `json:"query"`
	Results int    `json:"results"`
}

// searchOpened is the audit detail of "search.opened": the search (its "search.run"
// entry) a result was opened from; the entry itself names the record opened.
type searchOpened struct {
	Search     int64 `json:"search"`
	AddendumID int64 `json:"addendum_id,omitempty"`
}

// SessionDetail is the audit detail of "session.started" and "session.ended": whose key
// opened the session, from where, at what terminal size, and (at the end) why it ended.
type SessionDetail struct {
	ClinicianID int64  `json:"clinician_id"`
	Fingerprint string `json:"fingerprint"`
	Address     string `json:"address"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	Reason      string `json:"reason,omitempty"`
}

// RecordViewed keeps that actor opened record entity ("referral", "case" or "note") id,
// as "<entity>.viewed".
func (s *Store) RecordViewed(ctx context.Context, actor string, at time.Time, entity string, id int64) error {
	if !viewable[entity] || id <= 0 {
		return newError(ErrInvalid, s.path, "a view of %s %d cannot be audited: only a referral, a case or a note is", entity, id)
	}
	_, err := s.appendReading(ctx, actor, at, entity+".viewed", entity, id, struct{}{})
	return err
}

// RecordSearch keeps a search run: its words and how many results it found. The id it
// returns names the search for RecordSearchOpened.
func (s *Store) RecordSearch(ctx context.Context, actor string, at time.Time, query string, results int) (int64, error) {
	q := strings.TrimSpace(query)
	if len(q) > maxSearchWordsKept {
		q = q[:maxSearchWordsKept]
		for !utf8.ValidString(q) {
			q = q[:len(q)-1]
		}
	}
	if q == "" || results < 0 || strings.IndexFunc(q, unicode.IsControl) >= 0 {
		return 0, newError(ErrInvalid, s.path, "a search of %q with %d results cannot be audited", q, results)
	}
	return s.appendReading(ctx, actor, at, ActionSearchRun, "search", 0, searchRun{Query: q, Results: results})
}

// RecordSearchOpened keeps which result of search (RecordSearch's id) was opened: the
// entry is about the record, kind "note", "addendum" (on note noteID) or "formulation".
func (s *Store) RecordSearchOpened(ctx context.Context, actor string, at time.Time, search int64, kind string, id, noteID int64) error {
	entity, entityID, d := kind, id, searchOpened{Search: search}
	switch kind {
	case "note", "formulation":
	case "addendum":
		entity, entityID, d.AddendumID = "note", noteID, id
	default:
		return newError(ErrInvalid, s.path, "a search result of kind %q cannot be audited", kind)
	}
	var action string
	err := s.db.QueryRowContext(ctx, "SELECT action FROM audit WHERE id = ?", search).Scan(&action)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && action != ActionSearchRun) {
		return newError(ErrInvalid, s.path, "audit entry %d is not a search: the result opened cannot be tied to it", search)
	}
	if err != nil {
		return normalise(err, s.path, s.busy, "auditing a search result opened")
	}
	_, err = s.appendReading(ctx, actor, at, ActionSearchOpened, entity, entityID, d)
	return err
}

// RecordSession keeps a session's start or end (action ActionSessionStarted or
// ActionSessionEnded), as an entry about its clinician.
func (s *Store) RecordSession(ctx context.Context, actor string, at time.Time, action string, d SessionDetail) error {
	if action != ActionSessionStarted && action != ActionSessionEnded {
		return newError(ErrInvalid, s.path, "%q is not a session's start or end", action)
	}
	if d.ClinicianID <= 0 {
		return newError(ErrInvalid, s.path, "a session cannot be audited without its clinician")
	}
	_, err := s.appendReading(ctx, actor, at, action, "clinician", d.ClinicianID, d)
	return err
}

// appendReading writes one entry that changes no row, in its own transaction, and
// returns its id.
func (s *Store) appendReading(ctx context.Context, actor string, at time.Time, action, entity string, id int64, detail any) (int64, error) {
	if err := s.checkChange(actor, at); err != nil {
		return 0, err
	}
	var e AuditEntry
	err := s.inTx(ctx, "keeping "+action+" in the audit", func(tx *sql.Tx) error {
		ch, err := openChain(ctx, tx)
		if err != nil {
			return err
		}
		e, err = ch.append(ctx, actor, at, action, entity, id, detail)
		return err
	})
	return e.ID, err
}
