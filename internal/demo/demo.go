// Package demo makes fictional referrals and clinicians for demonstrations, screenshots,
// tests and benchmarks. Everything is derived from a fixed random seed and from the
// instant it is given, never from the machine's clock, so the same now always gives the
// same caseload and every screening clock lands in the state the demo means it to show.
// Every person is invented; NHS numbers come from the 999 test range.
package demo

import (
	"math/rand/v2"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Referrals returns about forty fictional referrals received before now, covering every
// state the queue can show: just arrived, due, due soon, overdue by hours and by days,
// screened on time and late, and the later states of a referral. IDs are left zero for
// the store to assign.
func Referrals(now time.Time) []domain.Referral {
	now = now.UTC()
	g := newGen(now)
	today := ident.DateOf(now.In(g.london))
	perm := g.r.Perm(len(scenarios))
	out := make([]domain.Referral, 0, len(scenarios))
	for i, s := range scenarios {
		r := g.person(s.given, s.family)
		if g.r.IntN(12) != 0 {
			r.Person.NHSNumber = g.uniqueNHSNumber()
		}
		r.Source = s.source
		r.RoSH = s.rosh
		r.PriorityGroup = s.group
		r.ResettlementArea = s.area
		r.Status = s.status
		r.ReceivedAt = now.Add(-s.ago).Truncate(time.Minute)
		// Entered some minutes after it arrived (a referral is typed in from an email),
		// but never after now.
		r.EnteredAt = minTime(r.ReceivedAt.Add(time.Duration(5+g.r.IntN(90))*time.Minute), now)
		if s.took > 0 {
			r.ScreenedAt = r.ReceivedAt.Add(s.took)
		}
		r.Referrer = g.referrer(s.source, r.Person)
		r.Reason = reasons[g.r.IntN(len(reasons))]
		// Spread release dates evenly from four months ago to seventeen months ahead, in
		// shuffled order so that release date and queue position do not line up; one in
		// ten has none known yet (remand, or a parole decision not yet made).
		if perm[i]%10 != 3 {
			days := -120 + perm[i]*16 + g.r.IntN(16)
			r.ExpectedRelease = today.AddDays(days)
			r.ReleaseDateType = g.releaseType(days)
			if days < 0 {
				r.CurrentPrison = "" // already released
			}
		}
		r.ComplexHealthNeeds = g.yesNo(s.status != domain.StatusReceived)
		r.ApprovedPremises = g.yesNo(false)
		out = append(out, r)
	}
	return out
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

// yesNo is an answer, more often yes when the question has been asked (known).
func (g *gen) yesNo(known bool) domain.YesNo {
	switch n := g.r.IntN(10); {
	case known && n < 7, !known && n < 3:
		return domain.Yes
	case n < 8:
		return domain.No
	}
	return ""
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
