package demo

import (
	"fmt"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// ManyCases is n fictional cases a big team held, for benchmarks, as `cases import`
// takes them: allocated round robin to clinicianIDs and one in eight unallocated, in
// five kinds: a date expected in the next year, a parole date in the next two months,
// released in the last year, released nearly a year ago (discharge due), and released
// then recalled. Their NHS numbers are valid, in the test range, and held by none of
// avoid.
func ManyCases(today ident.Date, clinicianIDs []int64, avoid []domain.Referral, n int) []domain.ImportedCase {
	used := make(map[ident.NHSNumber]bool, len(avoid))
	for _, r := range avoid {
		used[r.Person.NHSNumber] = true
	}
	body := 999_000_000
	out := make([]domain.ImportedCase, n)
	for i := range out {
		var nhs ident.NHSNumber
		for ; nhs == "" || used[nhs]; body++ {
			nhs, _ = ident.ParseNHSNumber(nhsNumber(body)) // "" when body has no check digit
		}
		used[nhs] = true
		c := domain.ImportedCase{
			Person: domain.Person{GivenName: fmt.Sprint("Given", i), FamilyName: "Pathway",
				DateOfBirth: ident.MustDate(1970+i%30, time.Month(1+i%12), 1+i%28), NHSNumber: nhs},
			AcceptedOn:       today.AddDays(-400 - i%300),
			ResettlementArea: "Preston",
		}
		if i%8 != 0 && len(clinicianIDs) > 0 {
			c.ClinicianID = clinicianIDs[i%len(clinicianIDs)]
		}
		if i%3 == 0 {
			c.MAPPA = &domain.ForumInvolvement{Forum: domain.ForumMAPPA, Category: domain.MAPPACategory2,
				Level: 1 + i%3, AsAt: c.AcceptedOn, Active: true}
		}
		switch i % 5 {
		case 0:
			c.Release.Dates = domain.SentenceDates{domain.ReleaseDate{Date: today.AddDays(10 + i%360), Kind: domain.ReleaseCRD}}
		case 1:
			c.Release.Dates = domain.SentenceDates{domain.ReleaseDate{Date: today.AddDays(i % 60), Kind: domain.ReleasePED}}
		case 2:
			c.Release.Actual = today.AddDays(-(i % 365))
		case 3:
			c.Release.Actual = today.AddDays(-340 - i%30)
		case 4:
			c.Release.Actual = today.AddDays(-150 - i%50)
			c.Release.RecalledOn = today.AddDays(-(i % 100))
		}
		out[i] = c
	}
	return out
}

// ManyMeeting is the i-th of many forum meetings about caseID, for benchmarks: a day
// from a year before today to two months after, of every kind; a written report due
// five days before every other one, and an outcome with two actions once it is held.
func ManyMeeting(caseID int64, today ident.Date, i int) domain.ForumMeeting {
	m := domain.ForumMeeting{CaseID: caseID, Kind: domain.MeetingKinds[i%len(domain.MeetingKinds)],
		Date: today.AddDays((i*37)%425 - 365), Chair: "Lancashire Constabulary", Role: domain.RoleAttends,
		Team: "Dr Tom Halliwell", Shared: "Risk formulation summary.", LegalBasis: "Criminal Justice Act 2003 s325"}
	if i%2 == 1 {
		m.Role, m.ReportDue = domain.RoleInforms, m.Date.AddDays(-5)
	}
	if m.Date.Before(today) {
		m.Outcome = "Level confirmed; plan reviewed."
		m.Actions = []domain.ForumAction{{Text: "Send the updated formulation to the COM.", Due: m.Date.AddDays(7)},
			{Text: "Join the next professionals meeting."}}
	}
	return m
}
