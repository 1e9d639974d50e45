// Package demo makes fictional referrals and clinicians for demonstrations, screenshots,
// tests and benchmarks. Everything is derived from a fixed random seed and from the
// instant it is given, never from the machine's clock, so the same now always gives the
// same caseload and every screening clock lands in the state the demo means it to show.
// Every person is invented; NHS numbers come from the 999 test range.
//
// Referrals are made as they arrived, all just received; Decisions is what the team
// did with them afterwards, as actions to apply through the store, so a demo database
// holds only what the service's own rules let a clinician record.
package demo

import (
	"math/rand/v2"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Referrals returns about forty fictional referrals received before now, as they
// arrived: all received, none screened. Their facts give a deliberate mix of verdicts
// (about half eligible, a quarter incomplete, a quarter not eligible each for one
// reason), and their receipt times give every screening clock: just arrived, due, due
// soon, overdue by hours and by days. Decisions(now) takes them the rest of the way.
// IDs are left zero for the store to assign.
func Referrals(now time.Time) []domain.Referral {
	rs, _ := build(now)
	return rs
}

// build makes the referrals, and says which prison each person was in when referred:
// someone released since is in none now, but was at the meetings before release.
func build(now time.Time) ([]domain.Referral, []string) {
	now = now.UTC()
	g := newGen(now)
	today := ident.DateOf(now.In(g.london))
	out := make([]domain.Referral, 0, len(scenarios))
	prisons := make([]string, 0, len(scenarios))
	for _, s := range scenarios {
		r := g.person(s.given, s.family)
		if g.r.IntN(12) != 0 {
			r.Person.NHSNumber = g.uniqueNHSNumber()
		}
		r.Source = s.source
		r.RoSH = s.rosh
		r.PriorityGroup = s.group
		r.ComplexHealthNeeds = s.health
		r.ResettlementArea = s.area
		r.ApprovedPremises = s.ap
		r.Status = domain.StatusReceived
		r.ReceivedAt = now.Add(-s.ago).Truncate(time.Minute)
		// Entered some minutes after it arrived (a referral is typed in from an email),
		// but never after now.
		r.EnteredAt = minTime(r.ReceivedAt.Add(time.Duration(5+g.r.IntN(90))*time.Minute), now)
		r.Referrer = g.referrer(s.source, r.Person, s.area)
		r.Reason = g.reason(s)
		prisons = append(prisons, r.CurrentPrison)
		if s.release != noDate {
			// Counted from the London date of receipt, the date the timing rule reads,
			// so the verdict is the one the table means whatever now is.
			r.ExpectedRelease = ident.DateOf(r.ReceivedAt.In(g.london)).AddDays(s.release)
			days := today.DaysUntil(r.ExpectedRelease)
			r.ReleaseDateType = g.releaseType(days)
			if r.ReleaseDateType == domain.ReleaseHDCED {
				// An HDC eligibility date is not the release (docs/RULES.md, "Which date
				// is the release"), so the window could not be checked; the scenario's
				// verdict is meant to follow from its days, so the HDC date is approved.
				r.ReleaseDateType = domain.ReleaseHDCAD
			}
			if days < 0 {
				r.CurrentPrison = "" // already released
			}
		}
		out = append(out, r)
	}
	return out, prisons
}

func minTime(a, b time.Time) time.Time {
	if a.After(b) {
		return b
	}
	return a
}

// gen holds the seeded source and what each made-up value needs to be unique.
type gen struct {
	r      *rand.Rand
	now    time.Time
	london *time.Location
	nhs    map[ident.NHSNumber]bool
}

func newGen(now time.Time) *gen {
	return &gen{
		r:      rand.New(rand.NewPCG(1, 2)),
		now:    now,
		london: clock.London(),
		nhs:    map[ident.NHSNumber]bool{},
	}
}

// releaseType picks a kind of release date that fits when it is: a date in the past was
// a release that happened (confirmed), a near one is usually confirmed or approved.
func (g *gen) releaseType(days int) domain.ReleaseDateType {
	if days < 0 {
		return domain.ReleaseConfirmed
	}
	kinds := []domain.ReleaseDateType{domain.ReleaseCRD, domain.ReleaseCRD, domain.ReleasePED,
		domain.ReleaseHDCAD, domain.ReleaseAPD, domain.ReleaseARD, domain.ReleaseHDCED, domain.ReleaseOther}
	if days < 60 {
		kinds = []domain.ReleaseDateType{domain.ReleaseConfirmed, domain.ReleaseCRD, domain.ReleasePRRD, domain.ReleaseHDCAD}
	}
	return kinds[g.r.IntN(len(kinds))]
}
