package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// releaseDateJSON is a release date in an audit detail; an unknown date is null.
type releaseDateJSON struct {
	Date      *string `json:"date"`
	Kind      *string `json:"kind"`
	Confirmed bool    `json:"confirmed"`
}

func releaseDateDetail(d domain.ReleaseDate) releaseDateJSON {
	j := releaseDateJSON{Confirmed: d.Confirmed}
	if !d.Date.IsZero() {
		s := d.Date.String()
		j.Date = &s
	}
	if d.Kind != "" {
		k := string(d.Kind)
		j.Kind = &k
	}
	return j
}

// releaseChanged is the audit detail of "release.changed"; the reason stays in the
// release_changes row, which never changes.
type releaseChanged struct {
	CaseID int64           `json:"case_id"`
	From   releaseDateJSON `json:"from"`
	To     releaseDateJSON `json:"to"`
}

// releaseEvent is the audit detail of "release.actual", "release.recalled" and
// "release.re-released".
type releaseEvent struct {
	CaseID   int64  `json:"case_id"`
	Date     string `json:"date"`
	Previous string `json:"previous,omitempty"` // the date it replaces, when corrected
	Reason   string `json:"reason,omitempty"`   // why: a recall must say
}

// CaseRelease returns a case's release facts with the history of its expected release
// date, oldest change first. A case with nothing recorded yet returns the zero
// CaseRelease (release date unknown) and nil; a case that does not exist is ErrNotFound.
func (s *Store) CaseRelease(ctx context.Context, caseID int64) (domain.CaseRelease, error) {
	if err := s.reader("read a case's release"); err != nil {
		return domain.CaseRelease{}, err
	}
	const what = "reading a case's release dates"
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return domain.CaseRelease{}, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	if err := s.caseExists(ctx, tx, caseID); err != nil {
		return domain.CaseRelease{}, normalise(err, s.path, s.busy, what)
	}
	r, err := s.caseRelease(ctx, tx, caseID)
	if err != nil {
		return domain.CaseRelease{}, normalise(err, s.path, s.busy, what)
	}
	return r, nil
}

// caseRelease reads a case's release facts, its sentence dates and their history
// through q.
func (s *Store) caseRelease(ctx context.Context, q querier, caseID int64) (domain.CaseRelease, error) {
	var (
		r                            domain.CaseRelease
		actual, recalled, reReleased sql.NullString
	)
	err := q.QueryRowContext(ctx, `SELECT actual_date, recalled_on, re_released FROM case_release WHERE case_id = ?`, caseID).
		Scan(&actual, &recalled, &reReleased)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return r, err
	}
	for _, d := range []struct {
		to  *ident.Date
		col sql.NullString
	}{{&r.Actual, actual}, {&r.RecalledOn, recalled}, {&r.ReReleased, reReleased}} {
		if *d.to, err = storedDate(d.col); err != nil {
			return r, s.malformedRelease(caseID, err)
		}
	}
	dates, err := s.sentenceDates(ctx, q, "d.case_id = ?", caseID)
	if err != nil {
		return r, err
	}
	r.Dates = dates[caseID]
	rows, err := q.QueryContext(ctx, `SELECT case_id, from_date, from_kind, from_confirmed, to_date, to_kind, to_confirmed,
		reason, changed_by, changed_at FROM release_changes WHERE case_id = ? ORDER BY id`, caseID)
	if err != nil {
		return r, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		c, err := s.scanReleaseChange(rows, &id)
		if err != nil {
			return r, err
		}
		r.History = append(r.History, c)
	}
	return r, rows.Err()
}

// scanReleaseChange reads one row of release_changes, its case id first.
func (s *Store) scanReleaseChange(rows *sql.Rows, caseID *int64) (domain.ReleaseChange, error) {
	var (
		c                                  domain.ReleaseChange
		fromDate, fromKind, toDate, toKind sql.NullString
		at                                 string
	)
	if err := rows.Scan(caseID, &fromDate, &fromKind, &c.From.Confirmed, &toDate, &toKind, &c.To.Confirmed,
		&c.Reason, &c.By, &at); err != nil {
		return c, err
	}
	c.From.Kind, c.To.Kind = domain.ReleaseDateType(fromKind.String), domain.ReleaseDateType(toKind.String)
	var err error
	if c.From.Date, err = storedDate(fromDate); err == nil {
		if c.To.Date, err = storedDate(toDate); err == nil {
			c.At, err = parseTime(at)
		}
	}
	if err != nil {
		return c, s.malformedRelease(*caseID, err)
	}
	return c, nil
}

// storedDate reads a nullable date column; NULL is the zero Date.
func storedDate(v sql.NullString) (ident.Date, error) {
	if !v.Valid {
		return ident.Date{}, nil
	}
	return ident.ParseDate(v.String)
}

// malformedRelease reports a value the CHECKs should have kept out: the file was changed
// behind our back.
func (s *Store) malformedRelease(caseID int64, err error) *Error {
	return newError(ErrCorrupt, s.path, "the release dates of case %d in %s are malformed: %v", caseID, s.path, err)
}

// ChangeRelease records a sentence date of a case, of the kind to.Kind (new, changed,
// or removed when to.Date is zero), with the reason for it (domain.CaseRelease.Change:
// the reason is required and the change must change something), keeps the change in the
// case's history and returns the updated facts. The domain's refusal is an ErrInvalid
// that unwraps to domain.ErrReleaseChange. Audit: "release.changed" with the case and the
// old and new dates (not the reason).
func (s *Store) ChangeRelease(ctx context.Context, actor string, at time.Time, caseID int64, to domain.ReleaseDate, reason string) (domain.CaseRelease, error) {
	return s.changeRelease(ctx, actor, at, caseID, nil, to, reason)
}

// ChangeReleaseSeen is ChangeRelease from a form: seen is the date of that kind as the
// person saw it when they began (its zero Date: none held). If someone else has changed
// it since, the change is refused (ErrConflict) rather than recorded over theirs unseen.
func (s *Store) ChangeReleaseSeen(ctx context.Context, actor string, at time.Time, caseID int64, seen, to domain.ReleaseDate, reason string) (domain.CaseRelease, error) {
	return s.changeRelease(ctx, actor, at, caseID, &seen, to, reason)
}

func (s *Store) changeRelease(ctx context.Context, actor string, at time.Time, caseID int64, seen *domain.ReleaseDate, to domain.ReleaseDate, reason string) (domain.CaseRelease, error) {
	if err := s.checkChange(actor, at); err != nil {
		return domain.CaseRelease{}, err
	}
	if why := dateProblem(to.Date); why != "" {
		return domain.CaseRelease{}, newError(ErrInvalid, s.path, "the release date %s", why)
	}
	if why := textProblem(reason); why != "" {
		return domain.CaseRelease{}, newError(ErrInvalid, s.path, "the reason %s", why)
	}
	var out domain.CaseRelease
	err := s.inTx(ctx, "changing a release date", func(tx *sql.Tx) error {
		if err := s.caseExists(ctx, tx, caseID); err != nil {
			return err
		}
		r, err := s.caseRelease(ctx, tx, caseID)
		if err != nil {
			return err
		}
		if now := r.Dates.Of(to.Kind); seen != nil && (seen.Date != now.Date || seen.IsConfirmed() != now.IsConfirmed()) {
			return newError(ErrConflict, s.path, "the %s of case %d was changed by someone else since you opened it (it is now %s): reopen it",
				domain.SentenceDateName(to.Kind), caseID, now.Describe(ident.Date.String))
		}
		if out, err = r.Change(to, reason, actor, at); err != nil {
			return s.refused(err)
		}
		c := out.History[len(out.History)-1]
		if err := writeSentenceDate(ctx, tx, caseID, c.To); err != nil {
			return err
		}
		c.At = c.At.UTC().Truncate(time.Second) // as stored, so the result reads back the same
		out.History[len(out.History)-1] = c
		if _, err := tx.ExecContext(ctx, `INSERT INTO release_changes (case_id, from_date, from_kind, from_confirmed,
			to_date, to_kind, to_confirmed, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			caseID, null(dateText(c.From.Date)), null(string(c.From.Kind)), c.From.Confirmed,
			null(dateText(c.To.Date)), null(string(c.To.Kind)), c.To.Confirmed, c.Reason, c.By, formatTime(c.At)); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "release.changed", "case", caseID, releaseChanged{
			CaseID: caseID, From: releaseDateDetail(c.From), To: releaseDateDetail(c.To)})
	})
	if err != nil {
		return domain.CaseRelease{}, err
	}
	return out, nil
}

// dateText is d as YYYY-MM-DD, or "" when unknown.
func dateText(d ident.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// writeRelease saves a case's release events (not its sentence dates nor its history),
// creating the row the first time.
func writeRelease(ctx context.Context, tx *sql.Tx, caseID int64, r domain.CaseRelease) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO case_release (case_id, actual_date, recalled_on, re_released) VALUES (?, ?, ?, ?)
		ON CONFLICT (case_id) DO UPDATE SET actual_date = excluded.actual_date,
			recalled_on = excluded.recalled_on, re_released = excluded.re_released`,
		caseID, null(dateText(r.Actual)), null(dateText(r.RecalledOn)), null(dateText(r.ReReleased)))
	return err
}

// RecordRelease records that the person was released on actual: the pathway counts from
// it from then on. The order of events is the domain's (CaseRelease.Release): a release
// already recorded is not replaced, and after a recall a re-release is recorded instead.
// It refuses a date after the London day of at. Audit: "release.actual".
func (s *Store) RecordRelease(ctx context.Context, actor string, at time.Time, caseID int64, actual ident.Date) error {
	return s.releaseEvent(ctx, actor, at, caseID, actual, "", "release.actual", "the release date", "recording a release",
		domain.CaseRelease.Release)
}

// RecordRecall records the person's recall to custody on recalledOn, in the domain's
// order (CaseRelease.Recall: not before the release, one recall a case), not after the
// London day of at. A recall cannot be undone in the record, so it says why (required,
// at most MaxTextBytes), kept in its audit entry. Audit: "release.recalled".
func (s *Store) RecordRecall(ctx context.Context, actor string, at time.Time, caseID int64, recalledOn ident.Date, reason string) error {
	if strings.TrimSpace(reason) == "" {
		return newError(ErrInvalid, s.path, "say why the person was recalled")
	}
	if why := textProblem(reason); why != "" {
		return newError(ErrInvalid, s.path, "the reason for the recall %s", why)
	}
	return s.releaseEvent(ctx, actor, at, caseID, recalledOn, reason, "release.recalled", "the recall date", "recording a recall",
		domain.CaseRelease.Recall)
}

// RecordReRelease records the person's re-release on on after a recall, in the domain's
// order (CaseRelease.ReRelease), not after the London day of at. Audit:
// "release.re-released".
func (s *Store) RecordReRelease(ctx context.Context, actor string, at time.Time, caseID int64, on ident.Date) error {
	return s.releaseEvent(ctx, actor, at, caseID, on, "", "release.re-released", "the re-release date", "recording a re-release",
		domain.CaseRelease.ReRelease)
}

// releaseEvent records one dated event on a case's release facts: d is a real date no
// later than the London day of at; apply is the domain's rule for the event's order,
// returning the facts with it and the date it replaces (zero if none). A refusal for
// what is recorded is ErrConflict, for the date itself ErrInvalid. Setting the same date
// again is refused as nothing to change.
func (s *Store) releaseEvent(ctx context.Context, actor string, at time.Time, caseID int64, d ident.Date, reason string,
	action, name, what string, apply func(domain.CaseRelease, ident.Date) (domain.CaseRelease, ident.Date, error)) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	if d.IsZero() {
		return newError(ErrInvalid, s.path, "%s is required", name)
	}
	if why := dateProblem(d); why != "" {
		return newError(ErrInvalid, s.path, "%s %s", name, why)
	}
	if today := ident.DateOf(at.In(clock.London())); d.After(today) {
		return newError(ErrInvalid, s.path, "%s %s is in the future (today is %s): record it on the day or after", name, d, today)
	}
	return s.inTx(ctx, what, func(tx *sql.Tx) error {
		if err := s.caseExists(ctx, tx, caseID); err != nil {
			return err
		}
		r, err := s.caseRelease(ctx, tx, caseID)
		if err != nil {
			return err
		}
		r, prev, err := apply(r, d)
		if oe := (*domain.ReleaseOrderError)(nil); errors.As(err, &oe) {
			if oe.Conflict {
				return newError(ErrConflict, s.path, "%s", oe.Msg)
			}
			return newError(ErrInvalid, s.path, "%s", oe.Msg)
		}
		if err != nil {
			return err
		}
		if prev == d {
			return newError(ErrInvalid, s.path, "%s of case %d is already %s: nothing to change", name, caseID, d)
		}
		if err := writeRelease(ctx, tx, caseID, r); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, action, "case", caseID, releaseEvent{
			CaseID: caseID, Date: d.String(), Previous: dateText(prev), Reason: reason})
	})
}

// releaseFromReferral is the release facts a case opens with: the one date the referral
// gave, of its kind.
func releaseFromReferral(r domain.Referral) domain.CaseRelease {
	return domain.CaseRelease{Dates: domain.SentenceDates(nil).Set(domain.ReleaseDate{
		Date: r.ExpectedRelease, Kind: r.ReleaseDateType, Confirmed: r.ReleaseDateType == domain.ReleaseConfirmed})}
}
