package domain

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/internal/ident"
)

// ReleaseDate is one release date as a partner (NOMIS, the POM or the COM) gives it: the
// day, its kind (docs/RULES.md, "Release dates and the countdown": CRD, ARD, PED, HDCED, other, ...) and whether it is
// confirmed. The zero Date means the date is not known. The app never calculates it.
type ReleaseDate struct {
	Date      ident.Date
	Kind      ReleaseDateType
	Confirmed bool
}

// SaysConfirmed reports whether "confirmed" is to be said beside the date: it is flagged
// so, and its kind does not already say it.
func (d ReleaseDate) SaysConfirmed() bool { return d.Confirmed && d.Kind != ReleaseConfirmed }

// IsConfirmed reports whether the date is a confirmed one, either flagged so or recorded
// with the kind "confirmed".
func (d ReleaseDate) IsConfirmed() bool { return d.Confirmed || d.Kind == ReleaseConfirmed }

// ReleaseChange is one change of one of a case's sentence dates, kept for good: the old
// and new values of that kind, why (parole refused, date recalculated, recall, ...), who
// and when. Changes recorded before a case held more than one date (migration 0011) may
// move from one kind to another (a PED becoming an APD).
type ReleaseChange struct {
	From, To ReleaseDate
	Reason   string
	By       string
	At       time.Time
}

// CaseRelease is a case's release facts as the partners give them. Recall to custody and
// re-release are events on the case; History holds every change of a sentence date.
type CaseRelease struct {
	Dates      SentenceDates // every sentence date held; which is the release is ReleaseOn's to say
	Actual     ident.Date    // the day the person was released, once out
	RecalledOn ident.Date    // recall to custody after release (zero if none)
	ReReleased ident.Date    // re-release after recall (zero if none)
	History    []ReleaseChange
}

// ErrReleaseChange is wrapped by every error Change returns.
var ErrReleaseChange = errors.New("release date change")

// Change records a sentence date of the kind to.Kind (a new one, a new value, or removed
// when to.Date is zero) with the reason for it, who made it and when, and returns the
// updated facts; c itself is not modified (History is copied). The reason is required.
// A change must change something: the date or whether it is confirmed. A deferred parole
// hearing can leave a PED unknown: the zero date removes it.
func (c CaseRelease) Change(to ReleaseDate, reason, by string, at time.Time) (CaseRelease, error) {
	reason, by = strings.TrimSpace(reason), strings.TrimSpace(by)
	if reason == "" {
		return c, fmt.Errorf("%w: say why the release date changed (e.g. parole refused, date recalculated, recall)", ErrReleaseChange)
	}
	if to.Kind != "" && !slices.Contains(SentenceDateKinds, to.Kind) {
		return c, fmt.Errorf("%w: %q is not a kind of sentence date: use one of %s", ErrReleaseChange, to.Kind, joinCodes(SentenceDateKinds))
	}
	if to.Kind == ReleaseConfirmed && !to.Date.IsZero() {
		to.Confirmed = true
	}
	if to.Date.IsZero() {
		to.Confirmed = false
	}
	from := c.Dates.Of(to.Kind)
	switch {
	case to == from && to.Date.IsZero():
		return c, fmt.Errorf("%w: no %s is held: nothing to remove", ErrReleaseChange, SentenceDateName(to.Kind))
	case to == from:
		return c, fmt.Errorf("%w: the %s is already %s: nothing to change", ErrReleaseChange, SentenceDateName(to.Kind), to.Describe(ident.Date.String))
	}
	out := c
	out.History = append(slices.Clone(c.History), ReleaseChange{From: from, To: to, Reason: reason, By: by, At: at})
	out.Dates = c.Dates.Set(to)
	return out, nil
}

// SentenceDateName names a kind of date in a sentence: "CRD", or "release date" for the
// kinds that say no more (not stated, confirmed, other).
func SentenceDateName(k ReleaseDateType) string {
	if k == "" || k == ReleaseConfirmed || k == ReleaseOther {
		return "release date"
	}
	return string(k)
}

// Describe names a release date for people, its day written by date: "Wednesday 6
// January 2027 (CRD, confirmed)" with ident.Date.Long, "unknown" when there is none.
// The one wording of a release date on every screen and in every message.
func (d ReleaseDate) Describe(date func(ident.Date) string) string {
	s := "unknown"
	if !d.Date.IsZero() {
		s = date(d.Date)
	}
	var notes []string
	if d.Kind != "" {
		notes = append(notes, string(d.Kind))
	}
	if d.SaysConfirmed() {
		notes = append(notes, "confirmed")
	}
	if len(notes) > 0 {
		s += " (" + strings.Join(notes, ", ") + ")"
	}
	return s
}

// ReleaseEvent is a release, recall or re-release as it was recorded: the day it
// happened, who recorded it and when.
type ReleaseEvent struct {
	What string // "Released", "Recalled to custody", "Re-released after recall"
	On   ident.Date
	By   string
	At   time.Time
	Why  string // the reason recorded with it: a recall must have one
}
