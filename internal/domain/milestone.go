package domain

import (
	"cmp"
	"slices"
	"time"

	"caseload/internal/ident"
)

// Milestone is the next date that matters on a case's pathway and what happens then.
type Milestone struct {
	Date ident.Date // zero when nothing is known
	What string     // "engagement starts", "release", "discharge due", "post-recall release"
}

// NextMilestone is the date the countdown screen orders cases by: when engagement
// starts, the release, or the discharge (already passed when overdue, so overdue
// cases come first). A recalled case counts to its post-recall release date when one is
// known; an unknown release has no milestone and sorts last. A release that has passed
// with nothing recorded keeps its date, so it sorts among the first.
func NextMilestone(r CaseRelease, p Pathway) Milestone {
	switch p.Phase {
	case PhaseBeforeWindow:
		return Milestone{p.EngagementFrom, "engagement starts"}
	case PhasePreRelease:
		return Milestone{p.ReleaseDate, "release"}
	case PhasePostRelease, PhaseDischargeDue, PhaseDischargeOverdue:
		return Milestone{p.DischargeDue, "discharge due"}
	case PhaseReleaseUnconfirmed: // already passed, so it comes first: it needs recording
		if !r.Actual.IsZero() { // recalled: the post-recall release was due
			return Milestone{r.Dates.Of(ReleasePRRD).Date, "re-release not confirmed"}
		}
		return Milestone{p.ReleaseDate, "release not confirmed"}
	case PhaseRecalled:
		if prrd := r.Dates.Of(ReleasePRRD); prrd.Date.After(r.RecalledOn) {
			return Milestone{prrd.Date, "post-recall release"}
		}
	}
	return Milestone{}
}

// CaseOnPathway is an open case with what the countdowns need: who, who holds it, and
// its release facts with their history.
type CaseOnPathway struct {
	CaseID      int64
	Person      Person
	ClinicianID int64  // 0 when unallocated
	Clinician   string // "" when unallocated
	Release     CaseRelease
	Status      string    // "open" or "closed"
	OpenedAt    time.Time // when the referral was accepted: the acceptance time point

	// Closure is the closing in force on a closed case (the signed discharge summary
	// that closed it last); zero on an open case, or one closed before issue 14's
	// summaries.
	Closure CaseClosure
}

// Countdown is a case on its pathway on one day, worked out once for the screens.
type Countdown struct {
	Case      CaseOnPathway
	Pathway   Pathway
	Milestone Milestone
}

// Countdowns works out every case's pathway on today and orders them by their next
// milestone, soonest (or most overdue) first; cases with no milestone go last, then by
// family and given name so the order is stable.
func Countdowns(cases []CaseOnPathway, today ident.Date) []Countdown {
	out := make([]Countdown, len(cases))
	for i, c := range cases {
		p := PathwayOf(c.Release, today)
		out[i] = Countdown{Case: c, Pathway: p, Milestone: NextMilestone(c.Release, p)}
	}
	slices.SortStableFunc(out, func(a, b Countdown) int {
		az, bz := a.Milestone.Date.IsZero(), b.Milestone.Date.IsZero()
		if az != bz {
			if az {
				return 1
			}
			return -1
		}
		if c := a.Milestone.Date.Compare(b.Milestone.Date); c != 0 {
			return c
		}
		return cmp.Or(
			cmp.Compare(FoldForSearch(a.Case.Person.FamilyName), FoldForSearch(b.Case.Person.FamilyName)),
			cmp.Compare(FoldForSearch(a.Case.Person.GivenName), FoldForSearch(b.Case.Person.GivenName)),
			cmp.Compare(a.Case.CaseID, b.Case.CaseID))
	})
	return out
}
