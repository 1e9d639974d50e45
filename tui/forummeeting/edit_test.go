package forummeeting

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
	"caseload/tui/common"
)

// booked records a MAPPA meeting on the fixture's case a week ago and reads it back
// as the case view would hand it to the form.
func (f fixture) booked(t *testing.T) domain.ForumMeeting {
	t.Helper()
	ctx := context.Background()
	_, err := f.st.RecordForumMeeting(ctx, "os:test", testNow.Add(-7*24*time.Hour), domain.ForumMeeting{
		CaseID: f.caseID, Kind: domain.MeetingMAPPAL2, Date: ident.MustDate(2026, 11, 23), Role: domain.RoleAttends,
		ReportDue: ident.MustDate(2026, 11, 20), Team: "Dr Tom Halliwell",
		Actions: []domain.ForumAction{{Text: "Send the report", Due: ident.MustDate(2026, 11, 20)}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.st.CaseForums(ctx, f.caseID)
	if err != nil || len(got.Meetings) != 1 {
		t.Fatalf("CaseForums = %+v, %v", got, err)
	}
	return got.Meetings[0]
}

// After the meeting its outcome and a new action are added to the record.
func TestAddingTheOutcomeOfAMeeting(t *testing.T) {
	f := newFixture(t)
	was := f.booked(t)
	d, h := f.open(t, was, 80, 24)
	if screen := d.Screen(); !strings.Contains(screen, "Recorded 17 Nov 2026 09:00") || !strings.Contains(screen, "23/11/2026") &&
		!strings.Contains(screen, "2026-11-23") {
		t.Errorf("the form does not open on the meeting:\n%s", screen)
	}
	d.Keys(strings.Repeat("enter ", 9)) // the meeting and what was shared, as they were
	d.Type("Level 2 continues; review in 12 weeks.").Keys("enter")
	d.Keys("ctrl+j").Type("2026-12-01 Book a joint visit with the COM").Keys("enter")
	got, err := f.st.CaseForums(context.Background(), f.caseID)
	if err != nil || len(got.Meetings) != 1 {
		t.Fatalf("CaseForums = %+v, %v", got, err)
	}
	m := got.Meetings[0]
	if m.Outcome != "Level 2 continues; review in 12 weeks." || len(m.Actions) != 2 || m.Actions[1].Due != ident.MustDate(2026, 12, 1) ||
		m.Team != was.Team || !m.UpdatedAt.Equal(testNow) {
		t.Fatalf("meeting now %+v\n%s", m, d.Screen())
	}
	h.WantTold(t, common.CaseChangedMsg{CaseID: f.caseID}, common.InfoMsg{Text: "Meeting updated."}, common.BackMsg{})
}

// Someone else changed the meeting while the form was open: the save is refused with
// the reason, nothing is overwritten, and what was typed stays.
func TestAChangeMadeMeanwhileIsNotOverwritten(t *testing.T) {
	f := newFixture(t)
	was := f.booked(t)
	d, h := f.open(t, was, 80, 24)
	other := was
	other.Team = "Ms Priya Shah"
	if err := f.st.UpdateForumMeeting(context.Background(), "os:other", testNow, was, other); err != nil {
		t.Fatal(err)
	}
	d.Keys(strings.Repeat("enter ", 9)).Type("Level 2 continues.").Keys("enter enter")
	screen := d.Screen()
	if !strings.Contains(screen, "Not saved") || !strings.Contains(screen, "changed by someone else") {
		t.Fatalf("the conflict is not shown:\n%s", screen)
	}
	d.Keys(strings.Repeat("enter ", 9)) // back to the outcome, on the last page
	if screen := d.Screen(); !strings.Contains(screen, "Level 2 continues.") {
		t.Errorf("the outcome typed is lost:\n%s", screen)
	}
	got, _ := f.st.CaseForums(context.Background(), f.caseID)
	if m := got.Meetings[0]; m.Team != "Ms Priya Shah" || m.Outcome != "" {
		t.Errorf("meeting now %+v, want the other change kept", m)
	}
	for _, msg := range h.Seen {
		if _, ok := msg.(common.BackMsg); ok {
			t.Error("the form closed after a refused save")
		}
	}
}

// A colleague's change to the meeting, through another handle on the file, is shown on
// the open form with its time; the form is not reloaded under the typist.
func TestColleaguesChangeIsShown(t *testing.T) {
	f := newFixture(t)
	was := f.booked(t)
	d, _ := f.open(t, was, 120, 30)
	d.Send(common.DataChangedMsg{})
	if strings.Contains(d.Screen(), "Changed by") {
		t.Fatalf("a change is claimed where there was none:\n%s", d.Screen())
	}
	o, err := store.Open(context.Background(), f.st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	now := was
	now.Outcome = "Level 2 confirmed."
	if err := o.UpdateForumMeeting(context.Background(), "os:colleague", testNow.Add(-time.Hour), was, now); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	if !strings.Contains(flat, "Changed by someone else at 08:00 since you opened this form: your save will be refused") {
		t.Errorf("the colleague's change is not shown:\n%s", d.Screen())
	}
}
