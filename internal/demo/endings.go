package demo

import (
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The end of cases and the team's load (docs/RULES.md, "Closing a case", "Handover",
// "Caseload sizes", "Subject access"): cases the team held before caseload that have
// closed since, one for each closing reason; a clinician carrying more than the cap
// after a handover made with a reason; and a person's request for their record, open.

// Ending is a case the team held before caseload, closed since with a signed discharge
// summary by its clinician.
type Ending struct {
	Case    domain.ImportedCase // ClinicianID an index into Clinicians() plus one
	DaysAgo int                 // the closing day, counted back from today
	Closure domain.CaseClosure  // On is filled from DaysAgo
	Parts   map[domain.SectionID]string
}

// endingNHS numbers the people of the endings apart from ExistingCases' (999 200 ...).
const endingNHS = 999_300_000

// Endings returns the seven closed cases, one per domain.ClosingReasons in order.
func Endings(now time.Time) []Ending {
	today := ident.DateOf(now.In(clock.London()))
	year := func(months, days int) ident.Date { return domain.AddMonthsClamped(today, months).AddDays(days) }
	released := func(given, family string, born ident.Date, by, monthsAgo int) domain.ImportedCase {
		return domain.ImportedCase{Person: domain.Person{GivenName: given, FamilyName: family, DateOfBirth: born},
			ClinicianID: int64(by + 1), AcceptedOn: year(-monthsAgo-6, 0),
			Release: domain.CaseRelease{Actual: releaseWorkday(year(-monthsAgo, 0))}, ResettlementArea: "Preston"}
	}
	parts := func(work, formulation, risk, services, told string) map[domain.SectionID]string {
		return map[domain.SectionID]string{"work_done": work, "formulation": formulation, "risk": risk,
			"services": services, "told": told}
	}
	return []Ending{
		{Case: released("Dafydd", "Llewellyn", ident.MustDate(1982, 4, 3), tom, 12), DaysAgo: 9,
			Closure: domain.CaseClosure{Reason: domain.ClosedCompleted},
			Parts: parts("Twelve months of fortnightly sessions after release: a shared formulation, a relapse prevention plan and a GP registration on release day.",
				"Anger in the face of being let down remains his main risk pathway; he now names it and uses the plan.",
				"RoSH medium in the community at discharge (COM's assessment, agreed at the last MAPPA level 1 review).",
				"GP at Fishergate surgery; community mental health team (care coordinator named); Inspire drug and alcohol service.",
				"GP by letter; COM by telephone and the discharge summary by secure email; Dafydd himself at the last session.")},
		{Case: released("Kirsty", "Abernethy", ident.MustDate(1990, 8, 21), niamh, 5), DaysAgo: 15,
			Closure: domain.CaseClosure{Reason: domain.ClosedDisengaged},
			Parts: parts("Engaged in custody; after release attended two of nine offered appointments; outreach visits with the COM unanswered.",
				"Shame about returning to her home area likely drove the withdrawal; the formulation stands as at release.",
				"RoSH high; managed by probation under MAPPA level 2.",
				"GP registered; no other service took up.",
				"COM and MAPPA chair by email; GP by letter; a letter to Kirsty saying how to come back.")},
		{Case: released("Mateus", "Gonçalves", ident.MustDate(1987, 12, 12), tom, 7), DaysAgo: 23,
			Closure: domain.CaseClosure{Reason: domain.ClosedTransferred, TransferredTo: "Mersey Care NHS FT, community forensic team"},
			Parts: parts("Seven months in the community; care moved with his licence to Merseyside.",
				"As in the last signed version, shared with the receiving team.",
				"RoSH high; MAPPA level 2 transferred to Merseyside.",
				"Mersey Care community forensic team; a GP in Bootle.",
				"Receiving team by handover meeting; COM (transferring) and the new COM; GP by letter.")},
		{Case: released("Connor", "Byrne", ident.MustDate(1994, 3, 30), niamh, 4), DaysAgo: 31,
			Closure: domain.CaseClosure{Reason: domain.ClosedRecalled},
			Parts: parts("Four months after release; recalled for breach of licence; a long custodial period ahead.",
				"Substance use returned with the loss of his accommodation; the risk pathway ran as formulated.",
				"RoSH very high at recall.",
				"Prison healthcare at HMP Preston; OPD pathway to consider a new referral.",
				"POM and COM by email; prison mental health in-reach by telephone.")},
		{Case: released("Agnieszka", "Wróbel", ident.MustDate(1985, 6, 15), assistant, 8), DaysAgo: 44,
			Closure: domain.CaseClosure{Reason: domain.ClosedMovedAway},
			Parts: parts("Eight months in the community in Blackburn; moved to family in Leeds with the COM's agreement.",
				"Protective factors grew with family contact; the move follows them.",
				"RoSH medium.",
				"GP in Leeds; West Yorkshire probation.",
				"COM and the West Yorkshire COM; GP by letter.")},
		{Case: released("Hamish", "Drummond", ident.MustDate(1969, 1, 7), tom, 10), DaysAgo: 50,
			Closure: domain.CaseClosure{Reason: domain.ClosedDied},
			Parts: parts("Ten months of support after release, latterly with his palliative care team.",
				"Not revised after his diagnosis.",
				"Not applicable.",
				"Palliative care team; GP.",
				"COM, GP and MAPPA coordinator informed of his death; the team offered support to his sister.")},
		{Case: released("Tariq", "Mahmood", ident.MustDate(1992, 10, 2), niamh, 3), DaysAgo: 58,
			Closure: domain.CaseClosure{Reason: domain.ClosedOther, Words: "Sentence quashed on appeal; support ended by agreement"},
			Parts: parts("Three months after release; the conviction was quashed and the licence ended with it.",
				"As at release.",
				"No statutory supervision now; no concerns at the last contact.",
				"GP; a community mental health referral he accepted.",
				"GP by letter; the former COM by email.")},
	}
}

// BusyCases are the long sentences Dr Tom Halliwell took on before caseload, before the
// six-month window, so that with the handover below he holds more than the cap.
func BusyCases(now time.Time) []domain.ImportedCase {
	today := ident.DateOf(now.In(clock.London()))
	far := func(given, family string, born ident.Date, months int) domain.ImportedCase {
		return domain.ImportedCase{Person: domain.Person{GivenName: given, FamilyName: family, DateOfBirth: born},
			ClinicianID: tom + 1, AcceptedOn: today.AddDays(-200), ResettlementArea: "Carlisle",
			Release: domain.CaseRelease{Dates: domain.SentenceDates{{Date: releaseWorkday(domain.AddMonthsClamped(today, months)), Kind: domain.ReleaseCRD}}}}
	}
	return []domain.ImportedCase{
		far("Lachlan", "Ferguson", ident.MustDate(1983, 2, 11), 14),
		far("Ifeanyi", "Okafor", ident.MustDate(1989, 5, 27), 16),
		far("Ruairí", "Mac Giolla", ident.MustDate(1991, 9, 4), 19),
		far("Stanisław", "Kowalczyk", ident.MustDate(1978, 12, 1), 22),
		// Beth's, handed to Tom when she went part-time (HandoverNote).
		{Person: domain.Person{GivenName: "Jolene", FamilyName: "Whitaker", DateOfBirth: ident.MustDate(1996, 3, 8)},
			ClinicianID: nurse + 1, AcceptedOn: today.AddDays(-180), ResettlementArea: "Workington",
			Release: domain.CaseRelease{Dates: domain.SentenceDates{{Date: releaseWorkday(domain.AddMonthsClamped(today, 9)), Kind: domain.ReleaseCRD}}}},
	}
}

// TomOverCapReason is why the team gives Tom a case past the cap at a consultation.
const TomOverCapReason = "Tom leads on the Preston prisons; four of his cases are long sentences with nothing due for a year."

// The handover of BusyCases' last case, by the lead, two days ago.
const (
	HandoverNote = "Beth goes part-time from Monday. Jolene knows Tom from the MAPPA meeting in October; " +
		"she prefers afternoon visits and letters in plain English. Next: the pre-release meeting at HMP Styal."
	HandoverOverCapReason = "Tom has the only Cumbria MAPPA level 2 experience in the team; two of his cases close next month."
)

// AccessRequester is who asked for the demo's open subject access request, received
// twelve days ago about the person of the first case Decisions opens.
const AccessRequester = "The person, by letter from HMP Preston"
