package domain

import (
	"cmp"
	"slices"

	"caseload/internal/ident"
)

// LoadPhase is how the Team screen groups a clinician's open cases (docs/RULES.md,
// "Caseload sizes"): the pathway's phases folded into the four a lead plans by, and
// "other" for a case whose release is unknown, unconfirmed or recalled.
type LoadPhase string

// The load phases, in the order the Team screen shows them.
const (
	LoadBeforeWindow  LoadPhase = "before_window"
	LoadPreRelease    LoadPhase = "pre_release"
	LoadPostRelease   LoadPhase = "post_release"
	LoadDischargeDue  LoadPhase = "discharge_due"
	LoadReleaseOther  LoadPhase = "release_unknown"
	loadPhaseCount              = 5
	teamUnallocatedID           = 0
)

// LoadPhases lists the phases in order, with their headings.
var LoadPhases = []struct {
	Phase LoadPhase
	Title string
}{
	{LoadBeforeWindow, "before the window"}, {LoadPreRelease, "pre-release"}, {LoadPostRelease, "post-release"},
	{LoadDischargeDue, "discharge due"}, {LoadReleaseOther, "release unknown or recalled"},
}

// LoadPhaseOf folds a pathway phase into a load phase: discharge due from one month
// before it falls due (DischargePlanDays), as Today's reminder does.
func LoadPhaseOf(p Pathway, today ident.Date) LoadPhase {
	switch p.Phase {
	case PhaseBeforeWindow:
		return LoadBeforeWindow
	case PhasePreRelease:
		return LoadPreRelease
	case PhasePostRelease:
		if !p.DischargeDue.IsZero() && today.DaysUntil(p.DischargeDue) <= DischargePlanDays {
			return LoadDischargeDue
		}
		return LoadPostRelease
	case PhaseDischargeDue, PhaseDischargeOverdue:
		return LoadDischargeDue
	}
	return LoadReleaseOther
}

// DischargePlanDays is how long before discharge falls due Today says to plan the
// ending: a calendar month, near enough, counted in days as Today counts.
const DischargePlanDays = 30

// ClinicianLoad is one clinician's share of the team's open work.
type ClinicianLoad struct {
	Clinician Clinician // zero ID: the cases nobody holds
	Open      int
	ByPhase   map[LoadPhase]int
	Drafts    int // unsigned notes, formulation versions and discharge summaries they wrote
	Reports   int // forum reports due in the next ForumWeekDays or overdue, on their cases
	Cap       int
}

// OverCap reports whether the clinician holds more than the cap.
func (l ClinicianLoad) OverCap() bool { return l.Cap > 0 && l.Open > l.Cap }

// AtCap reports whether one more case would take them past the cap.
func (l ClinicianLoad) AtCap() bool { return OverCap(l.Open, l.Cap) }

// TeamLoadFacts is what TeamLoad is worked out from, read in one go.
type TeamLoadFacts struct {
	Clinicians []Clinician      // everyone who holds or held cases
	Cases      []CaseOnPathway  // open cases
	Drafts     map[int64]int    // unsigned drafts by author
	Meetings   []ForumMeetingOn // meetings around today
	Cap        int
}

// TeamLoad is each active clinician's load (leads and clinicians; IT holds no cases),
// then any deactivated clinician who still holds open cases, then, when there are any,
// the cases nobody holds (Clinician.ID 0); by name within each.
func TeamLoad(f TeamLoadFacts, today ident.Date) []ClinicianLoad {
	byID := map[int64]*ClinicianLoad{}
	var out []*ClinicianLoad
	add := func(c Clinician) *ClinicianLoad {
		l := &ClinicianLoad{Clinician: c, ByPhase: make(map[LoadPhase]int, loadPhaseCount), Drafts: f.Drafts[c.ID], Cap: f.Cap}
		byID[c.ID] = l
		out = append(out, l)
		return l
	}
	for _, c := range f.Clinicians {
		if c.Active && c.Access != AccessAdmin {
			add(c)
		}
	}
	for _, c := range f.Cases {
		l := byID[c.ClinicianID]
		if l == nil {
			k := Clinician{ID: c.ClinicianID, Name: c.Clinician}
			for _, known := range f.Clinicians {
				if known.ID == c.ClinicianID {
					k = known
				}
			}
			l = add(k)
		}
		l.Open++
		l.ByPhase[LoadPhaseOf(PathwayOf(c.Release, today), today)]++
	}
	horizon := today.AddDays(ForumWeekDays)
	for _, m := range f.Meetings {
		if l := byID[m.ClinID]; l != nil && !m.Meeting.Date.Before(today) && m.Meeting.ReportOutstanding() && !m.Meeting.ReportDue.After(horizon) {
			l.Reports++
		}
	}
	res := make([]ClinicianLoad, len(out))
	for i, l := range out {
		res[i] = *l
	}
	slices.SortStableFunc(res, func(a, b ClinicianLoad) int {
		rank := func(l ClinicianLoad) int {
			switch {
			case l.Clinician.ID == teamUnallocatedID:
				return 2
			case !l.Clinician.Active:
				return 1
			}
			return 0
		}
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(FoldForSearch(a.Clinician.Name), FoldForSearch(b.Clinician.Name)))
	})
	return res
}
