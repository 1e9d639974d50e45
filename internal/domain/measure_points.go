package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"caseload/internal/ident"
)

// TimePoint is when on a case's pathway a measure is routinely taken (docs/RULES.md,
// "When to measure").
type TimePoint string

// The time points, in the order of a case.
const (
	PointAcceptance TimePoint = "acceptance"
	PointRelease    TimePoint = "release"
	PointSixMonths  TimePoint = "six-months"
	PointDischarge  TimePoint = "discharge"
)

// TimePoints lists every time point in order.
var TimePoints = []TimePoint{PointAcceptance, PointRelease, PointSixMonths, PointDischarge}

// Words are the time point as a clinician says it: "at release".
func (p TimePoint) Words() string {
	switch p {
	case PointAcceptance:
		return "at acceptance"
	case PointRelease:
		return "at release"
	case PointSixMonths:
		return "6 months after release"
	case PointDischarge:
		return "at discharge"
	case "":
		return "between time points"
	}
	return string(p)
}

// The window in which a measure at a time point is due: from MeasureDueBefore days
// before the point's day to MeasureDueAfter days after it, when it is counted as
// missed and leaves Today (an unconfirmed default; docs/RULES.md, "When to measure").
const (
	MeasureDueBefore = 14
	MeasureDueAfter  = 28
)

// PointDays are the days of a case's time points on today: acceptance is the day the
// case opened; release the day its pathway counts from (the actual release once
// recorded, else the expected one); six months after the release the day the
// post-release clock reaches six months (time back in custody after a recall does not
// count); discharge the day it is due. A point whose day is not known is left out.
func PointDays(c CaseOnPathway, today ident.Date) map[TimePoint]ident.Date {
	days := map[TimePoint]ident.Date{}
	if !c.OpenedAt.IsZero() {
		days[PointAcceptance] = ident.DateOf(c.OpenedAt.In(london()))
	}
	p := PathwayOf(c.Release, today)
	if !p.ReleaseDate.IsZero() {
		days[PointRelease] = p.ReleaseDate
		if p.Phase != PhaseRecalled && p.Phase != PhaseReleaseUnconfirmed {
			days[PointSixMonths] = AddMonthsClamped(clockStart(c.Release, p.ReleaseDate, today), PostReleaseMonths/2)
		}
	}
	if !p.DischargeDue.IsZero() {
		days[PointDischarge] = p.DischargeDue
	}
	return days
}

// MeasureTaken is a measure recorded on a case at a time point.
type MeasureTaken struct {
	CaseID  int64
	Measure string
	Point   TimePoint
}

// MeasureDue is a measure due on a case at a time point.
type MeasureDue struct {
	Case    CaseOnPathway
	Measure MeasureDefinition
	Point   TimePoint
	On      ident.Date
}

// What is the line's words: "CORE-10 at release due for Ada Testperson".
func (m MeasureDue) What() string {
	return fmt.Sprintf("%s %s due for %s", m.Measure.Name, m.Point.Words(), nameOf(m.Case.Person))
}

// MeasuresDue are the measures due on today on the cases: each measure at each of
// the service's time points it is routinely taken at (points, the setting), from
// MeasureDueBefore days before the point's day to MeasureDueAfter days after, unless
// already taken at that point. The soonest first.
func MeasuresDue(cases []CaseOnPathway, taken []MeasureTaken, points []TimePoint, today ident.Date) []MeasureDue {
	done := map[MeasureTaken]bool{}
	for _, t := range taken {
		done[t] = true
	}
	var out []MeasureDue
	for _, c := range cases {
		days := PointDays(c, today)
		for _, d := range measures {
			for _, p := range d.Points {
				on, ok := days[p]
				if !ok || !slices.Contains(points, p) || done[MeasureTaken{c.CaseID, d.ID, p}] {
					continue
				}
				if today.Before(on.AddDays(-MeasureDueBefore)) || today.After(on.AddDays(MeasureDueAfter)) {
					continue
				}
				out = append(out, MeasureDue{Case: c, Measure: d, Point: p, On: on})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b MeasureDue) int {
		return cmp.Or(a.On.Compare(b.On), byName(a.Case.Person, b.Case.Person), cmp.Compare(a.Case.CaseID, b.Case.CaseID))
	})
	return out
}

// ParseTimePoints reads the measure-time-points setting: time points joined by
// commas, in the order of a case, none repeated.
func ParseTimePoints(s string) ([]TimePoint, error) {
	var out []TimePoint
	last := -1
	for _, w := range strings.Split(s, ",") {
		p := TimePoint(strings.TrimSpace(w))
		i := slices.Index(TimePoints, p)
		if i < 0 {
			return nil, fmt.Errorf("%q is not a time point: use acceptance, release, six-months or discharge", p)
		}
		if i <= last {
			return nil, fmt.Errorf("the time points must each be given once, in the order of a case")
		}
		last = i
		out = append(out, p)
	}
	return out, nil
}
