package domain

import (
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/ident"
)

// agendaNow is a Tuesday morning in winter (GMT); London's date is 24 November 2026.
var agendaNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

const agendaMe, agendaOther = int64(7), int64(8)

// agendaLines is a section as "flags Text | When", flags "!" for overdue and "*" for mine, so
// each table reads as the screen would.
func agendaLines(a Agenda, s AgendaSection) []string {
	var out []string
	for _, it := range a.Items {
		if it.Section != s {
			continue
		}
		flags := ""
		if it.Urgent {
			flags += "!"
		}
		if it.Mine {
			flags += "*"
		}
		out = append(out, strings.TrimSpace(flags+" "+it.Text+" | "+it.When))
	}
	return out
}

func wantLines(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func agendaReferral(id int64, given string, received time.Time) Referral {
	return Referral{ID: id, Person: Person{GivenName: given, FamilyName: "Test"}, ReceivedAt: received, Status: StatusReceived}
}

func agendaCase(id int64, given string, clinician int64, r CaseRelease) CaseOnPathway {
	return CaseOnPathway{CaseID: id, Person: Person{GivenName: given, FamilyName: "Test"}, ClinicianID: clinician, Release: r}
}

func TestAgendaScreeningOverdueFirstThenByTimeLeft(t *testing.T) {
	withdrawn := agendaReferral(4, "Dee", agendaNow.Add(-60*time.Hour))
	withdrawn.Status = StatusWithdrawn
	soon := agendaReferral(2, "Bo", agendaNow.Add(-43*time.Hour))
	soon.PriorityGroup = 1
	f := AgendaFacts{Unscreened: []Referral{
		agendaReferral(1, "Al", agendaNow.Add(-8*time.Hour)),
		soon,
		agendaReferral(3, "Cy", agendaNow.Add(-51*time.Hour-10*time.Minute)),
		withdrawn, // closed before screening: its clock no longer runs
	}}
	a := BuildAgenda(f, agendaMe, agendaNow)
	wantLines(t, agendaLines(a, AgendaScreening), []string{
		"! Cy Test | overdue by 3h 10m",
		"Bo Test, priority 1 | due in 5h 00m",
		"Al Test | due in 40h 00m",
	})
	if got := a.Items[0].Open; got != (AgendaTarget{Kind: OpenReferral, ID: 3}) {
		t.Errorf("opens %+v, want referral 3", got)
	}
}

// The 48 hours are elapsed time across the autumn clock change, and "screened
// yesterday" is counted on London dates: 00:30 BST on 25 October is 23:30 UTC on the 24th.
func TestAgendaAcrossTheClockChange(t *testing.T) {
	now := time.Date(2026, 10, 26, 8, 30, 0, 0, time.UTC) // 08:30 GMT
	received := time.Date(2026, 10, 24, 9, 0, 0, 0, time.UTC)
	screened := agendaReferral(5, "Eve", received)
	screened.Status, screened.ScreenedAt = StatusScreenedIn, time.Date(2026, 10, 24, 23, 30, 0, 0, time.UTC)
	a := BuildAgenda(AgendaFacts{Unscreened: []Referral{agendaReferral(6, "Fay", received)}, ToConsult: []Referral{screened}}, agendaMe, now)
	wantLines(t, agendaLines(a, AgendaScreening), []string{"Fay Test | due in 0h 30m"})
	wantLines(t, agendaLines(a, AgendaConsultations), []string{"Eve Test | screened yesterday"})
	if a.Today != ident.MustDate(2026, 10, 26) {
		t.Errorf("today = %s", a.Today)
	}
}

func TestAgendaConsultationsOldestScreeningFirst(t *testing.T) {
	in := func(id int64, given string, screened time.Time) Referral {
		r := agendaReferral(id, given, screened.Add(-time.Hour))
		r.Status, r.ScreenedAt = StatusScreenedIn, screened
		return r
	}
	accepted := in(9, "Gone", agendaNow.Add(-240*time.Hour))
	accepted.Status = StatusAccepted
	deferred := in(3, "Cy", agendaNow.Add(-48*time.Hour))
	deferred.Status = StatusConsultation // a consultation deferred the decision
	a := BuildAgenda(AgendaFacts{ToConsult: []Referral{
		in(1, "Al", agendaNow.Add(-time.Hour)), in(2, "Bo", agendaNow.Add(-72*time.Hour)), accepted, deferred,
	}}, agendaMe, agendaNow)
	wantLines(t, agendaLines(a, AgendaConsultations), []string{"Bo Test | screened 3 days ago",
		"Cy Test | screened 2 days ago, deferred", "Al Test | screened today"})
}

func TestAgendaReleasesInTheNext30Days(t *testing.T) {
	d := ident.MustDate
	cases := []CaseOnPathway{
		agendaCase(1, "Thirty", agendaMe, expectedOn(ReleaseCRD, 2026, 12, 24)),
		agendaCase(2, "Later", agendaMe, expectedOn(ReleaseCRD, 2026, 12, 25)), // 31 days: not yet
		agendaCase(3, "Today", agendaOther, expectedOn(ReleaseCRD, 2026, 11, 24)),
		agendaCase(8, "Done", agendaOther, CaseRelease{Actual: d(2026, 11, 24)}), // released today: done
		agendaCase(4, "Parole", 0, expectedOn(ReleasePED, 2026, 12, 4)),
		agendaCase(5, "Out", agendaMe, releasedOn(2026, 11, 23)), // released yesterday: post-release
		agendaCase(6, "Unknown", agendaMe, CaseRelease{}),
		agendaCase(7, "Recalled", agendaMe, CaseRelease{Actual: d(2026, 6, 1), RecalledOn: d(2026, 11, 1),
			Dates: SentenceDates{ReleaseDate{Date: d(2026, 12, 1), Kind: ReleasePRRD}}}),
	}
	a := BuildAgenda(AgendaFacts{Cases: cases}, agendaMe, agendaNow)
	wantLines(t, agendaLines(a, AgendaReleases), []string{
		"Today Test | release today, Tuesday 24 November 2026",
		"* Recalled Test | recalled on Sunday 1 November 2026; post-recall release in 7 days, Tuesday 1 December 2026",
		"Parole Test | earliest possible release in 10 days, Friday 4 December 2026: parole decision pending",
		"* Thirty Test | release in 30 days, Thursday 24 December 2026",
	})
	for _, it := range a.Items {
		if it.Section == AgendaReleases && it.Open.Tab != "pathway" {
			t.Errorf("%s opens on %q, want the pathway tab", it.Text, it.Open.Tab)
		}
	}
}

// At 00:30 BST on 1 July it is already the day of release in London, though still 30
// June in UTC.
func TestAgendaReleaseTodayOnLondonDate(t *testing.T) {
	now := time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC)
	a := BuildAgenda(AgendaFacts{Cases: []CaseOnPathway{agendaCase(1, "Jul", agendaMe, expectedOn(ReleaseCRD, 2026, 7, 1))}}, agendaMe, now)
	wantLines(t, agendaLines(a, AgendaReleases), []string{"* Jul Test | release today, Wednesday 1 July 2026"})
}

func TestAgendaDischargesDue(t *testing.T) {
	recalled := CaseRelease{Actual: ident.MustDate(2025, 12, 1), RecalledOn: ident.MustDate(2026, 10, 1)}
	cases := []CaseOnPathway{
		agendaCase(1, "Soon", agendaMe, releasedOn(2025, 12, 24)),
		agendaCase(2, "Notyet", agendaMe, releasedOn(2025, 12, 25)), // discharge in 31 days
		agendaCase(3, "Today", agendaOther, releasedOn(2025, 11, 24)),
		agendaCase(4, "Late", agendaMe, releasedOn(2025, 11, 1)),
		agendaCase(5, "Recalled", agendaMe, recalled),
	}
	a := BuildAgenda(AgendaFacts{Cases: cases}, agendaMe, agendaNow)
	wantLines(t, agendaLines(a, AgendaDischarges), []string{
		"!* Late Test | discharge overdue by 23 days: close the case",
		"Today Test | discharge due today: close the case",
		"* Soon Test | discharge due in 30 days, Thu 24 Dec 2026: plan the ending",
	})
	for _, it := range a.Items {
		if it.Open.Kind != OpenCase || it.Open.ID != it.Open.CaseID || it.Open.ID == 0 {
			t.Errorf("%q opens %+v, want its case", it.Text, it.Open)
		}
	}
}

func TestAgendaForumReportsAndMeetings(t *testing.T) {
	d := func(n int) ident.Date { return ident.MustDate(2026, 11, 24).AddDays(n) }
	on := func(id int64, person string, clin int64, date, report int) ForumMeetingOn {
		m := ForumMeeting{ID: id, CaseID: id * 10, Kind: MeetingMAPPAL2, Role: RoleAttends, Date: d(date)}
		if report != 99 {
			m.ReportDue = d(report)
		}
		return ForumMeetingOn{Meeting: m, Person: person, ClinID: clin}
	}
	a := BuildAgenda(AgendaFacts{Meetings: []ForumMeetingOn{
		on(1, "Al Test", agendaMe, 5, 3),
		on(2, "Bo Test", agendaOther, 2, -2),
		on(3, "Cy Test", agendaMe, -1, -3), // held yesterday: its report is no longer due
		on(4, "Di Test", agendaMe, 8, 6),   // the report is due this week, the meeting is not
		on(5, "Ed Test", agendaMe, 12, 10), // neither this week
		on(6, "Fi Test", 0, 0, 99),         // today, no report asked for
	}}, agendaMe, agendaNow)
	wantLines(t, agendaLines(a, AgendaForums), []string{
		"! Bo Test | MAPPA level 2 report overdue by 2 days, due Sun 22 Nov 2026",
		"Fi Test | MAPPA level 2 (attending) today, Tue 24 Nov 2026",
		"Bo Test | MAPPA level 2 (attending) in 2 days, Thu 26 Nov 2026",
		"* Al Test | MAPPA level 2 report due in 3 days, Fri 27 Nov 2026",
		"* Al Test | MAPPA level 2 (attending) in 5 days, Sun 29 Nov 2026",
		"* Di Test | MAPPA level 2 report due in 6 days, Mon 30 Nov 2026",
	})
	if got := a.Items[0].Open; got != (AgendaTarget{Kind: OpenCase, ID: 20, CaseID: 20, Tab: "forums"}) {
		t.Errorf("opens %+v, want case 20 on forums", got)
	}
}

func TestAgendaDraftsOldestFirst(t *testing.T) {
	note := func(id, caseID, author int64, age time.Duration) Note {
		return Note{ID: id, CaseID: caseID, AuthorID: author, Type: NoteTelephone, CreatedAt: agendaNow.Add(-age)}
	}
	f := AgendaFacts{
		Cases: []CaseOnPathway{agendaCase(1, "Open", agendaMe, CaseRelease{})},
		Names: map[int64]string{2: "Closed Test"},
		Drafts: []Note{note(11, 1, agendaMe, 40*time.Minute), note(12, 2, agendaMe, 72*time.Hour),
			note(13, 1, agendaOther, 100*time.Hour), note(14, 3, agendaMe, 5*time.Hour)},
		FormulationDrafts: []Formulation{{ID: 21, CaseID: 1, Version: 2, AuthorID: agendaMe, CreatedAt: agendaNow.Add(-30 * time.Hour)}},
	}
	a := BuildAgenda(f, agendaMe, agendaNow)
	wantLines(t, agendaLines(a, AgendaDrafts), []string{
		"!* Closed Test: telephone note | unsigned for 3 days",
		"* Open Test: formulation version 2 | unsigned for 30h",
		"* case 3: telephone note | unsigned for 5h",
		"* Open Test: telephone note | unsigned for 40m",
	})
	wantOpen := []AgendaTarget{{Kind: OpenNote, ID: 12, CaseID: 2}, {Kind: OpenFormulation, ID: 21, CaseID: 1}}
	for i, w := range wantOpen {
		if got := a.Items[i].Open; got != w {
			t.Errorf("draft %d opens %+v, want %+v", i, got, w)
		}
	}
}

func TestAgendaSectionsInOrder(t *testing.T) {
	f := AgendaFacts{
		Drafts:     []Note{{ID: 1, CaseID: 1, AuthorID: agendaMe, CreatedAt: agendaNow}},
		Cases:      []CaseOnPathway{agendaCase(1, "Late", agendaMe, releasedOn(2025, 11, 1)), agendaCase(2, "Soon", 0, expectedOn(ReleaseCRD, 2026, 12, 1))},
		Unscreened: []Referral{agendaReferral(1, "Al", agendaNow)},
	}
	var got []AgendaSection
	for _, it := range BuildAgenda(f, agendaMe, agendaNow).Items {
		got = append(got, it.Section)
	}
	if want := []AgendaSection{AgendaScreening, AgendaReleases, AgendaDischarges, AgendaDrafts}; !slices.Equal(got, want) {
		t.Errorf("sections %v, want %v", got, want)
	}
}

func TestAgendaCountWords(t *testing.T) {
	tests := []struct {
		s         AgendaSection
		n, urgent int
		want      string
	}{
		{AgendaScreening, 3, 1, "3 to screen (1 overdue)"},
		{AgendaConsultations, 1, 0, "1 consultation"},
		{AgendaReleases, 2, 0, "2 releases in 30 days"},
		{AgendaForums, 4, 2, "4 forum dates (2 overdue)"},
		{AgendaDischarges, 1, 1, "1 discharge due (1 overdue)"},
		{AgendaDrafts, 5, 0, "5 unsigned drafts"},
		{AgendaAllocation, 1, 0, "1 case needing a clinician"},
		{AgendaAllocation, 3, 0, "3 cases needing a clinician"},
		{AgendaAccessRequests, 1, 0, "1 subject access request"},
		{AgendaAccessRequests, 2, 1, "2 subject access requests (1 overdue)"},
		{AgendaSafety, 2, 0, "backup and verify ok"},
		{AgendaSafety, 2, 1, "backup and verify: 1 warning"},
		{AgendaSafety, 2, 2, "backup and verify: 2 warnings"},
	}
	for _, tt := range tests {
		if got := tt.s.Count(tt.n, tt.urgent); got != tt.want {
			t.Errorf("Count(%d, %d) = %q, want %q", tt.n, tt.urgent, got, tt.want)
		}
	}
	brief := []struct {
		s         AgendaSection
		n, urgent int
		want      string
	}{
		{AgendaScreening, 3, 1, "3 to screen (⚠1)"},
		{AgendaReleases, 1, 0, "1 release"},
		{AgendaForums, 2, 0, "2 forum"},
		{AgendaDrafts, 2, 2, "2 drafts (⚠2)"},
		{AgendaAllocation, 2, 0, "2 to allocate"},
		{AgendaAccessRequests, 1, 1, "1 SAR (⚠1)"},
		{AgendaAccessRequests, 3, 0, "3 SARs"},
		{AgendaSafety, 2, 0, "safety ok"},
		{AgendaSafety, 2, 1, "safety (⚠1)"},
	}
	for _, tt := range brief {
		if got := tt.s.Brief(tt.n, tt.urgent); got != tt.want {
			t.Errorf("Brief(%d, %d) = %q, want %q", tt.n, tt.urgent, got, tt.want)
		}
	}
}

// The referrals awaiting a consultation that were not read in full still count.
func TestAgendaCountsConsultationsNotRead(t *testing.T) {
	r := agendaReferral(1, "Al", agendaNow.Add(-48*time.Hour))
	r.Status, r.ScreenedAt = StatusScreenedIn, agendaNow.Add(-24*time.Hour)
	a := BuildAgenda(AgendaFacts{ToConsult: []Referral{r}, ToConsultTotal: 30}, agendaMe, agendaNow)
	if a.More[AgendaConsultations] != 29 {
		t.Errorf("More = %v, want 29 consultations not read", a.More)
	}
	if a = BuildAgenda(AgendaFacts{ToConsult: []Referral{r}}, agendaMe, agendaNow); a.More != nil {
		t.Errorf("More = %v with everything read", a.More)
	}
}
