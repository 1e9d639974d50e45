package domain

import (
	"errors"
	"fmt"

	"caseload/internal/ident"
)

// ErrReleaseOrder is wrapped by every refusal of a release, recall or re-release that
// comes in the wrong order (docs/RULES.md, "Release, recall and re-release").
var ErrReleaseOrder = errors.New("release events out of order")

// ReleaseOrderError is a release event refused for its order. Conflict is true when what
// is already recorded stands in the way (a release recorded twice), false when the date
// itself is wrong (a recall before the release): the store tells the two apart.
type ReleaseOrderError struct {
	Conflict bool
	Msg      string
}

func (e *ReleaseOrderError) Error() string { return e.Msg }
func (e *ReleaseOrderError) Unwrap() error { return ErrReleaseOrder }

func orderConflict(format string, a ...any) error {
	return &ReleaseOrderError{Conflict: true, Msg: fmt.Sprintf(format, a...)}
}

func orderWrongDate(format string, a ...any) error {
	return &ReleaseOrderError{Msg: fmt.Sprintf(format, a...)}
}

// Release records that the person was released on on. A release already recorded is
// not replaced (the pathway and the discharge would move with no reason kept); after a
// recall a re-release is recorded instead. It returns the facts with the release and
// the date it replaces (zero if none, on if the same day again).
func (c CaseRelease) Release(on ident.Date) (CaseRelease, ident.Date, error) {
	switch {
	case !c.RecalledOn.IsZero():
		return c, ident.Date{}, orderConflict("the person was recalled on %s: record a re-release, not a release", c.RecalledOn)
	case !c.Actual.IsZero() && c.Actual != on:
		return c, ident.Date{}, orderConflict("a release on %s is already recorded; a recorded release is not replaced", c.Actual)
	}
	prev := c.Actual
	c.Actual = on
	return c, prev, nil
}

// Recall records the person's recall to custody on on, which may not be before the
// actual release. A case holds one recall, not replaced once recorded, and none after a
// re-release yet.
func (c CaseRelease) Recall(on ident.Date) (CaseRelease, ident.Date, error) {
	switch {
	case c.Actual.IsZero():
		return c, ident.Date{}, orderConflict("no release is recorded: record the release before a recall")
	case on.Before(c.Actual):
		return c, ident.Date{}, orderWrongDate("the recall date %s is before the actual release on %s: a recall date before the actual release date is an error", on, c.Actual)
	case !c.ReReleased.IsZero():
		return c, ident.Date{}, orderConflict("a recall on %s and a re-release on %s are recorded: a further recall cannot be held yet", c.RecalledOn, c.ReReleased)
	case !c.RecalledOn.IsZero() && c.RecalledOn != on:
		return c, ident.Date{}, orderConflict("a recall on %s is already recorded; a recorded recall is not replaced", c.RecalledOn)
	}
	prev := c.RecalledOn
	c.RecalledOn = on
	return c, prev, nil
}

// ReRelease records the person's re-release on on after a recall, which must be
// recorded and not after on.
func (c CaseRelease) ReRelease(on ident.Date) (CaseRelease, ident.Date, error) {
	switch {
	case c.RecalledOn.IsZero():
		return c, ident.Date{}, orderConflict("no recall is recorded: a re-release follows a recall")
	case on.Before(c.RecalledOn):
		return c, ident.Date{}, orderWrongDate("the re-release date %s is before the recall on %s", on, c.RecalledOn)
	case !c.ReReleased.IsZero() && c.ReReleased != on:
		return c, ident.Date{}, orderConflict("a re-release on %s is already recorded; a recorded re-release is not replaced", c.ReReleased)
	}
	prev := c.ReReleased
	c.ReReleased = on
	return c, prev, nil
}
