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

// IsConfirmed reports whether the date is a confirmed one, either flagged so or recorded
// with the kind "confirmed".
func (d ReleaseDate) IsConfirmed() bool { return d.Confirmed || d.Kind == ReleaseConfirmed }

// ReleaseChange is one change of a case's expected release date, kept for good: the old
// and new values, why (parole refused, date recalculated, recall, ...), who and when.
type ReleaseChange struct {
	From, To ReleaseDate
	Reason   string
	By       string
	At       time.Time
}

// CaseRelease is a case's release facts as the partners give them. Recall to custody and
// re-release are events on the case; History holds every change of Expected.
type CaseRelease struct {
	Expected   ReleaseDate // zero Date when unknown
	Actual     ident.Date  // the day the person was released, once out
	RecalledOn ident.Date  // recall to custody after release (zero if none)
	ReReleased ident.Date  // re-release after recall (zero if none)
	History    []ReleaseChange
}

// ErrReleaseChange is wrapped by every error Change returns.
var ErrReleaseChange = errors.New("release date change")

// Change records a new expected release date with the reason for it, who made it and
// when, and returns the updated facts; c itself is not modified (History is copied). The
// reason is required. A change must change something: the date, its kind or whether it is
// confirmed (a PED becoming an approved parole date on the same day is a real change).
// The new date may be the zero Date: a deferred parole hearing can leave it unknown.
func (c CaseRelease) Change(to ReleaseDate, reason, by string, at time.Time) (CaseRelease, error) {
	reason, by = strings.TrimSpace(reason), strings.TrimSpace(by)
	if reason == "" {
		return c, fmt.Errorf("%w: say why the release date changed (e.g. parole refused, date recalculated, recall)", ErrReleaseChange)
	}
	if to.Kind != "" && !slices.Contains(ReleaseDateTypes, to.Kind) {
		return c, fmt.Errorf("%w: %q is not a release date type: use one of %s", ErrReleaseChange, to.Kind, joinCodes(ReleaseDateTypes))
	}
	if to == c.Expected {
		return c, fmt.Errorf("%w: the release date is already %s: nothing to change", ErrReleaseChange, to.Describe(ident.Date.String))
	}
	out := c
	out.History = append(slices.Clone(c.History), ReleaseChange{From: c.Expected, To: to, Reason: reason, By: by, At: at})
	out.Expected = to
	return out, nil
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
	if d.Confirmed && d.Kind != ReleaseConfirmed {
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
