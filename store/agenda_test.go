package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// agendaToday is t0's London date.
var agendaToday = ident.MustDate(2026, 11, 24)

func TestAgendaFactsReadsEachSection(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	jo := mustClinician(t, s, "Dr Jo Lead", true)
	al := mustClinician(t, s, "Dr Al Other", true)
	mine, theirs, closed := openCase(t, s, jo, 0), openCase(t, s, al, 1), openCase(t, s, jo, 2)

	waiting := mustAdd(t, s, person("Una", "Waiting", testNHS(50)))
	gone := mustAdd(t, s, person("Wyn", "Withdrawn", testNHS(51)))
	if err := s.WithdrawReferral(ctx, "os:alice", t0, gone, "Moved out of the area"); err != nil {
		t.Fatal(err)
	}
	toConsult := screenedIn(t, s)

	record := func(caseID int64, day, due int) int64 {
		m := domain.ForumMeeting{CaseID: caseID, Kind: domain.MeetingMAPPAL2, Role: domain.RoleAttends, Date: agendaToday.AddDays(day)}
		if due != 0 {
			m.ReportDue = agendaToday.AddDays(due)
		}
		id, err := s.RecordForumMeeting(ctx, "os:alice", t0, m)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	soon := record(mine, 3, 1)
	reportDue := record(theirs, 20, 6) // the meeting is weeks away, its report this week
	record(mine, 40, 20)               // neither this week
	record(mine, -40, 0)               // long past
	record(closed, 2, 0)               // a closed case's meeting is no longer due

	myDraft := mustSave(t, s, jo, draft(mine, "Draft on my case."))
	onClosed := mustSave(t, s, jo, draft(closed, "Draft left on a case that closed."))
	signedNote(t, s, jo, mine, "Signed, so not due.")
	mustSave(t, s, al, draft(theirs, "Al's draft, not Jo's."))
	f, err := s.SaveFormulationDraft(ctx, jo, t0, domain.Formulation{CaseID: theirs,
		Sections: map[domain.SectionID]string{"presenting": "Started."}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE cases SET status = 'closed' WHERE id = ?", closed); err != nil {
		t.Fatal(err)
	}

	got, err := s.AgendaFacts(ctx, jo, t0)
	if err != nil {
		t.Fatal(err)
	}
	want := func(what string, got, want []int64) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", what, got, want)
		}
	}
	want("unscreened", agendaIDs(got.Unscreened, func(r domain.Referral) int64 { return r.ID }), []int64{waiting})
	want("to consult", agendaIDs(got.ToConsult, func(r domain.Referral) int64 { return r.ID }), []int64{toConsult})
	want("cases", agendaIDs(got.Cases, func(c domain.CaseOnPathway) int64 { return c.CaseID }), []int64{mine, theirs})
	want("meetings", agendaIDs(got.Meetings, func(m domain.ForumMeetingOn) int64 { return m.Meeting.ID }), []int64{soon, reportDue})
	want("drafts", agendaIDs(got.Drafts, func(n domain.Note) int64 { return n.ID }), []int64{myDraft.ID, onClosed.ID})
	want("formulation drafts", agendaIDs(got.FormulationDrafts, func(f domain.Formulation) int64 { return f.ID }), []int64{f.ID})
	if on := got.Meetings[0]; on.ClinID != jo || on.Clinician != "Dr Jo Lead" || on.Person == "" {
		t.Errorf("meeting of my case: %+v", on)
	}
	if got.Names[closed] == "" || got.Names[theirs] == "" || len(got.Names) != 3 {
		t.Errorf("names of the cases with drafts: %v", got.Names)
	}

	// The facts make an agenda with a line in each section they feed.
	a := domain.BuildAgenda(got, jo, t0)
	sections := map[domain.AgendaSection]int{}
	for _, it := range a.Items {
		sections[it.Section]++
	}
	wantCount := map[domain.AgendaSection]int{domain.AgendaScreening: 1, domain.AgendaConsultations: 1,
		domain.AgendaForums: 3, domain.AgendaDrafts: 3}
	for s, n := range wantCount {
		if sections[s] != n {
			t.Errorf("%s: %d lines, want %d", s.Heading(), sections[s], n)
		}
	}
}

func TestAgendaFactsOfAnEmptyCaseload(t *testing.T) {
	s := newStore(t)
	got, err := s.AgendaFacts(context.Background(), mustClinician(t, s, "Dr Jo Lead", true), t0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Unscreened)+len(got.ToConsult)+len(got.Cases)+len(got.Meetings)+len(got.Drafts)+len(got.FormulationDrafts) != 0 {
		t.Errorf("facts of an empty caseload: %+v", got)
	}
}

func TestAgendaFactsRefusesNoDate(t *testing.T) {
	s := newStore(t)
	_, err := s.AgendaFacts(context.Background(), 1, time.Time{})
	wantErr(t, "no date", err, "the time now is missing", ErrInvalid)
	// The refused read left no transaction open: the store still answers.
	if _, err := s.AgendaFacts(context.Background(), 1, t0); err != nil {
		t.Fatal(err)
	}
}

// agendaIDs maps each element to its id.
func agendaIDs[T any](xs []T, id func(T) int64) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}
