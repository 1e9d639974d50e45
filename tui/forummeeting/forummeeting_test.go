package forummeeting

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

func TestNewMeetingGolden(t *testing.T) {
	f := newFixture(t)
	d, _ := f.open(t, domain.ForumMeeting{CaseID: f.caseID}, 80, 24)
	screen := d.Screen()
	tuitest.AssertFitsAtMost(t, screen, 80, 24)
	golden.RequireEqual(t, screen)
}

func TestFitsEverySize(t *testing.T) {
	f := newFixture(t)
	for _, size := range []struct{ w, h int }{{20, 5}, {40, 8}, {80, 24}, {200, 60}} {
		d, _ := f.open(t, domain.ForumMeeting{CaseID: f.caseID}, size.w, size.h)
		tuitest.AssertFitsAtMost(t, d.Screen(), size.w, size.h)
		d.Keys("enter").Type("08/12/2026").Keys("enter enter enter").Type("09/12/2026").Keys("enter")
		tuitest.AssertFitsAtMost(t, d.Screen(), size.w, size.h)
	}
}

// Recording a MAPPA meeting: the kind, the date, the chair, that the service attends,
// the report due, who goes, what is shared and on what basis, and an action with its due
// date; the case's forums show it, and the audit has it.
func TestRecordingAMAPPAMeeting(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	d, h := f.open(t, domain.ForumMeeting{CaseID: f.caseID}, 80, 24)
	d.Keys("enter") // MAPPA level 2, the first kind
	d.Type("08/12/2026").Keys("enter")
	d.Type("DI Sam Rowe, Lancashire Police").Keys("enter")
	d.Keys("enter") // attends
	d.Type("2026-12-01").Keys("enter")
	d.Keys("enter") // the report is not sent yet
	d.Type("Dr Tom Halliwell").Keys("enter")
	d.Type("Engagement since release; the formulation's risk scenarios.").Keys("enter")
	d.Type("CJA 2003 s.325 duty to co-operate").Keys("enter")
	d.Keys("enter") // no outcome yet
	d.Type("10/12/2026 Send the updated formulation to the COM").Keys("ctrl+j").Type("Book a joint visit").Keys("enter")

	got, err := f.st.CaseForums(ctx, f.caseID)
	if err != nil || len(got.Meetings) != 1 {
		t.Fatalf("CaseForums = %+v, %v; want the meeting:\n%s", got, err, d.Screen())
	}
	m := got.Meetings[0]
	if m.Kind != domain.MeetingMAPPAL2 || m.Date != ident.MustDate(2026, 12, 8) || m.Role != domain.RoleAttends ||
		m.Chair != "DI Sam Rowe, Lancashire Police" || m.ReportDue != ident.MustDate(2026, 12, 1) ||
		m.Team != "Dr Tom Halliwell" || m.LegalBasis != "CJA 2003 s.325 duty to co-operate" || m.Outcome != "" ||
		m.RecordedBy != f.com.Actor {
		t.Errorf("meeting recorded as %+v", m)
	}
	want := []domain.ForumAction{{Text: "Send the updated formulation to the COM", Due: ident.MustDate(2026, 12, 10)},
		{Text: "Book a joint visit"}}
	if len(m.Actions) != 2 || m.Actions[0] != want[0] || m.Actions[1] != want[1] {
		t.Errorf("actions %+v, want %+v", m.Actions, want)
	}
	entries, err := f.st.AuditEntries(ctx, "case", f.caseID)
	if err != nil {
		t.Fatal(err)
	}
	audited := false
	for _, e := range entries {
		audited = audited || e.Action == "forum.meeting.recorded" && e.Actor == f.com.Actor
	}
	if !audited {
		t.Errorf("no forum.meeting.recorded audit entry in %+v", entries)
	}
	h.WantTold(t, common.CaseChangedMsg{CaseID: f.caseID}, common.InfoMsg{Text: "Meeting recorded."}, common.BackMsg{})
}

// A report due after the meeting is refused as the field is left, saying why, and
// nothing typed is lost; put right, the meeting saves.
func TestReportDueAfterTheMeetingIsRefused(t *testing.T) {
	f := newFixture(t)
	d, h := f.open(t, domain.ForumMeeting{CaseID: f.caseID}, 80, 24)
	d.Keys("enter").Type("08/12/2026").Keys("enter").Type("DI Sam Rowe").Keys("enter enter")
	d.Type("09/12/2026").Keys("enter")
	screen := d.Screen()
	for _, want := range []string{"the report is due 9 Dec 2026, after the meeting on 8 Dec 2026", "08/12/2026", "DI Sam Rowe", "09/12/2026"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen does not show %q:\n%s", want, screen)
		}
	}
	d.Keys("enter tab") // neither gets past the field
	if got, _ := f.st.CaseForums(context.Background(), f.caseID); len(got.Meetings) != 0 {
		t.Fatalf("a meeting was recorded with its report due after it: %+v", got.Meetings)
	}
	d.Keys(strings.Repeat("backspace ", 10)).Type("05/12/2026").Keys("enter")
	d.Keys("enter enter enter enter enter enter") // through the optional fields
	got, _ := f.st.CaseForums(context.Background(), f.caseID)
	if len(got.Meetings) != 1 || got.Meetings[0].ReportDue != ident.MustDate(2026, 12, 5) || got.Meetings[0].Chair != "DI Sam Rowe" {
		t.Fatalf("meeting not recorded once put right: %+v\n%s", got.Meetings, d.Screen())
	}
	h.WantTold(t, common.InfoMsg{Text: "Meeting recorded."})
}

// A save the store refuses is shown above the form with everything typed kept.
func TestRefusedSaveKeepsWhatWasTyped(t *testing.T) {
	f := newFixture(t)
	d, h := f.open(t, domain.ForumMeeting{CaseID: f.caseID + 100}, 80, 24)
	d.Keys("right enter").Type("08/12/2026").Keys("enter").Type("DI Sam Rowe").Keys("enter enter enter enter")
	d.Keys("enter enter enter enter").Type("Book a joint visit").Keys("enter")
	screen := d.Screen()
	if !strings.Contains(screen, "Not saved") || !strings.Contains(screen, "does not exist") {
		t.Fatalf("refusal not shown:\n%s", screen)
	}
	// The focus stays on the question the save was asked from, not the first one.
	if !strings.Contains(screen, "After the meeting") || !strings.Contains(screen, "Book a joint visit") {
		t.Errorf("the form did not stay on its last question:\n%s", screen)
	}
	screen = d.Keys("shift+tab shift+tab shift+tab shift+tab shift+tab").Screen()
	if !strings.Contains(screen, "MAPPA level 3") || !strings.Contains(screen, "08/12/2026") || !strings.Contains(screen, "DI Sam Rowe") {
		t.Errorf("what was typed is not kept:\n%s", screen)
	}
	for _, msg := range h.Seen {
		if _, ok := msg.(common.BackMsg); ok {
			t.Error("the form closed after a refused save")
		}
	}
}
