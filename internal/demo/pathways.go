package demo

import (
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The demo's pathways and forums: the cases the team held before caseload (brought in
// as `cases import` would), and the release dates and risk forums of every case, so
// that the countdowns show every phase (docs/RULES.md, "The six-month window and the pathway") and the forums every kind of
// meeting (docs/RULES.md, "Risk forums"). All dates count from now's London date, so the demo reads the
// same whenever it is made.

// ExistingCases returns the cases the team already held when it started using caseload,
// one in each phase the referral cases cannot show on their own. Every date in them is
// on or before the day the team started (the earliest referral's): what happened since
// is in PathwayEvents. ClinicianID is an index
// into Clinicians() plus one (0 unallocated); Populate maps it to the stored id.
func ExistingCases(now time.Time) []domain.ImportedCase {
	today := ident.DateOf(now.In(clock.London()))
	day := today.AddDays
	year := func(months, days int) ident.Date { return domain.AddMonthsClamped(today, months).AddDays(days) }
	used := map[ident.NHSNumber]bool{}
	for _, r := range Referrals(now) {
		used[r.Person.NHSNumber] = true
	}
	next := 999_200_000
	nhs := func() ident.NHSNumber {
		for ; ; next++ {
			if n, err := ident.ParseNHSNumber(nhsNumber(next)); err == nil && !used[n] {
				used[n] = true
				next++
				return n
			}
		}
	}
	mappa := func(cat domain.MAPPACategory, level int, asAt ident.Date) *domain.ForumInvolvement {
		return &domain.ForumInvolvement{Forum: domain.ForumMAPPA, Category: cat, Level: level, AsAt: asAt, Active: true}
	}
	person := func(given, family string, born ident.Date) domain.Person {
		return domain.Person{GivenName: given, FamilyName: family, DateOfBirth: born, NHSNumber: nhs()}
	}
	return []domain.ImportedCase{
		{ // Release date unknown: an IPP sentence past its tariff, the oral hearing deferred.
			Person: person("Babajide", "Adebayo", ident.MustDate(1979, 3, 14)), ClinicianID: tom + 1,
			AcceptedOn: day(-150), MAPPA: mappa(domain.MAPPACategory2, 2, day(-150)), ResettlementArea: "Preston",
		},
		{ // Before the window: a long sentence, taken on early by agreement with the OPD pathway.
			Person: person("Rhiannon", "Pritchard", ident.MustDate(1988, 7, 2)), ClinicianID: niamh + 1,
			// Every date a standard sentence has: the CRD is the release; HDC eligibility
			// and the sentence and licence expiry are milestones.
			AcceptedOn: day(-100), Release: domain.CaseRelease{Dates: domain.SentenceDates{
				{Date: releaseWorkday(day(240)), Kind: domain.ReleaseCRD},
				{Date: releaseWorkday(day(105)), Kind: domain.ReleaseHDCED},
				{Date: day(240 + 3*365), Kind: domain.ReleaseSLED}}},
			MAPPA: mappa(domain.MAPPACategory2, 1, day(-100)), ResettlementArea: "Lancaster",
		},
		{ // Released about eight months ago: month 8 of 12.
			Person: person("Wojciech", "Zieliński", ident.MustDate(1991, 11, 23)), ClinicianID: niamh + 1,
			AcceptedOn: year(-14, 0), Release: domain.CaseRelease{Dates: domain.SentenceDates{domain.ReleaseDate{Date: releaseWorkday(year(-7, -10)), Kind: domain.ReleaseConfirmed, Confirmed: true}},
				Actual: releaseWorkday(year(-7, -10))}, MAPPA: mappa(domain.MAPPACategory1, 1, year(-7, -10)), ResettlementArea: "Barrow-in-Furness",
		},
		{ // Discharge due in three weeks.
			Person: person("Eilidh", "MacLeod", ident.MustDate(1984, 1, 9)), ClinicianID: lead + 1,
			AcceptedOn: year(-17, 0), Release: domain.CaseRelease{Actual: releaseWorkday(year(-12, 21))},
			MAPPA: mappa(domain.MAPPACategory3, 2, year(-12, 21)), ResettlementArea: "Blackpool",
		},
		{ // Discharge due today: released twelve months ago to the day.
			Person: person("Grzegorz", "Mazur", ident.MustDate(1976, 5, 30)), ClinicianID: tom + 1,
			AcceptedOn: year(-18, 0), Release: domain.CaseRelease{Actual: year(-12, 0)},
			MAPPA: mappa(domain.MAPPACategory2, 1, year(-12, 0)), ResettlementArea: "Cumberland",
		},
		{ // Discharge overdue by five days.
			Person: person("Emre", "Demir", ident.MustDate(1993, 9, 12)), ClinicianID: assistant + 1,
			AcceptedOn: year(-18, -5), Release: domain.CaseRelease{Actual: year(-12, -5)},
			ResettlementArea: "Burnley",
		},
		{ // Released 100 days ago; recalled to custody since (PathwayEvents).
			Person: person("Callum", "Fairbairn", ident.MustDate(1990, 2, 17)), ClinicianID: nurse + 1,
			AcceptedOn: day(-260), Release: domain.CaseRelease{Actual: day(-100)},
			MAPPA: mappa(domain.MAPPACategory2, 2, day(-100)), ResettlementArea: "Hyndburn",
		},
		{ // Unallocated: held by the team while the lead finds a clinician; released
			// last week (PathwayEvents).
			Person: person("Precious", "Nwosu", ident.MustDate(1995, 6, 8)), ClinicianID: 0,
			AcceptedOn: day(-120), Release: domain.CaseRelease{Dates: domain.SentenceDates{domain.ReleaseDate{Date: releaseWorkday(day(-6)), Kind: domain.ReleaseCRD}}},
			ResettlementArea: "Lancaster",
		},
	}
}

// releaseWorkday moves a release date off a weekend to the Friday before, as prisons release
// (docs/RULES.md, "Release dates and the countdown"); the demo's dates count from now and would otherwise land on any day.
// Dates a phase depends on to the day (discharge due today) are left as they are.
func releaseWorkday(d ident.Date) ident.Date {
	switch d.Weekday() {
	case time.Saturday:
		return d.AddDays(-1)
	case time.Sunday:
		return d.AddDays(-2)
	}
	return d
}
