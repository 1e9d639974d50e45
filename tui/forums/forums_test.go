package forums

import (
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

func TestForumsGolden(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	addMeetings(t, st, me)
	tuitest.Golden(t, tuitest.AssertFitsAtMost, newScreen(st, me), []tuitest.Size{{80, 24}, {120, 30}})
}

func TestOnlyTheFourWeeksShow(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	b := addMeetings(t, st, me)
	d, h := drive(t, st, me, 200, 40)
	got := shownIDs(h)
	for _, id := range []int64{b.today, b.marac, b.mappa, b.channel, b.later} {
		if !got[id] {
			t.Errorf("meeting %d does not show:\n%s", id, d.Screen())
		}
	}
	// Held yesterday, and six weeks away with its report after the four weeks.
	for _, id := range []int64{b.held, b.sixWeeks} {
		if got[id] {
			t.Errorf("meeting %d shows:\n%s", id, d.Screen())
		}
	}
	screen := d.Screen()
	for _, want := range []string{"This week", "Next week", "w/c 14 Dec", "w/c 28 Dec",
		"⚠ report overdue by 2 days", "report due today", "report due Mon 30 Nov", "report due Fri 18 Dec",
		"no report asked", "MAPPA level 2", "MARAC", "Channel Panel", "attends", "informs", "Police (DI Shah)"} {
		if !strings.Contains(screen, want) {
			t.Errorf("no %q:\n%s", want, screen)
		}
	}
}

func TestEnterOpensTheCaseOnItsForumsTab(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	b := addMeetings(t, st, me)
	d, h := drive(t, st, me, 120, 30)
	moveTo(t, d, h, b.mappa)
	d.Keys("enter")
	want := common.OpenCaseMsg{CaseID: b.othersCase, Tab: "forums"}
	if len(h.Sent) != 1 || h.Sent[0] != want {
		t.Fatalf("enter sent %#v, want %#v:\n%s", h.Sent, want, d.Screen())
	}
	d.Keys("esc")
	if len(h.Sent) != 2 || h.Sent[1] != (common.BackMsg{}) {
		t.Fatalf("esc sent %#v, want BackMsg", h.Sent)
	}
}

func TestEditOpensTheMeetingForm(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	b := addMeetings(t, st, me)
	d, h := drive(t, st, me, 120, 30)
	moveTo(t, d, h, b.marac)
	got, ok := h.Sends(t, "e").(common.EditForumMeetingMsg)
	if !ok || got.Meeting.ID != b.marac || got.Person != b.tomsPerson || got.Meeting.Chair != "Police (DI Shah)" {
		t.Fatalf("e sent %#v, want the MARAC (meeting %d) of %s", got, b.marac, b.tomsPerson)
	}
}

func TestMineFilters(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	b := addMeetings(t, st, me)
	d, h := drive(t, st, me, 120, 30)
	all := shownIDs(h)
	d.Keys("m")
	mine := shownIDs(h)
	if len(mine) == 0 || len(mine) >= len(all) || !mine[b.marac] || mine[b.mappa] {
		t.Fatalf("mine shows %d of %d meetings, with the MARAC %v and the other's MAPPA %v:\n%s",
			len(mine), len(all), mine[b.marac], mine[b.mappa], d.Screen())
	}
	m := h.Screen.(*Model)
	for _, ri := range m.list.Shown() {
		if m.list.Rows()[ri].on.ClinID != me.ID {
			t.Errorf("meeting %d of %s's case shows", m.list.Rows()[ri].on.Meeting.ID, m.list.Rows()[ri].on.Clinician)
		}
	}
	if !strings.Contains(d.Screen(), "Your cases · ") || len(tuitest.Rows(d.Screen())) != len(mine) {
		t.Errorf("mine is not named, or rows and meetings differ:\n%s", d.Screen())
	}
	if d.Keys("m"); len(shownIDs(h)) != len(all) {
		t.Errorf("m again does not show them all:\n%s", d.Screen())
	}
}

func TestFitsEverySize(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	addMeetings(t, st, me)
	paths := map[string]string{"list": "", "mine": "m", "bottom": "G", "down": "j j j",
		"filter": "/ m a p p a", "kept filter": "/ m a enter G"}
	sizes := []tuitest.Size{{20, 5}, {40, 8}, {40, 24}, {80, 24}, {200, 60}}
	tuitest.EverySize(t, paths, sizes, newScreen(st, me), tuitest.AssertFitsAtMost,
		func(t testing.TB, screen string, _, h int) {
			if h >= 8 && !strings.Contains(screen, "›") {
				t.Errorf("no selected meeting:\n%s", screen)
			}
		})
}

func TestNarrowFootGivesWhatTheColumnsDrop(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	b := addMeetings(t, st, me)
	d, h := drive(t, st, me, 40, 12)
	moveTo(t, d, h, b.marac)
	lines := strings.Split(d.Screen(), "\n")
	foot := lines[len(lines)-1]
	if !strings.HasPrefix(foot, "MARAC · informs · ⚠ report overdue") {
		t.Errorf("the foot line at 40 columns is %q:\n%s", foot, d.Screen())
	}
}

func TestReloadsWhenACaseChanges(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	b := addMeetings(t, st, me)
	d, h := drive(t, st, me, 120, 30)
	id := record(t, st, domain.ForumMeeting{CaseID: b.tomsCase, Kind: domain.MeetingMARAC, Date: day(time.December, 10),
		Role: domain.RoleInforms, ReportDue: day(time.December, 7)})
	d.Send(common.CaseChangedMsg{CaseID: b.tomsCase})
	if !shownIDs(h)[id] {
		t.Fatalf("the new meeting does not show:\n%s", d.Screen())
	}
}

func TestANewDayMovesTheWeeksOn(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	b := addMeetings(t, st, me)
	d, h := drive(t, st, me, 120, 30)
	if _, cmd := h.Screen.Update(common.TickMsg{Now: testNow.Add(10 * time.Hour)}); cmd != nil {
		t.Errorf("a tick on the same day reloads")
	}
	// Monday 30 Nov: last week's MARAC has been held, and next week is this week.
	d.Send(common.TickMsg{Now: time.Date(2026, 11, 30, 0, 5, 0, 0, time.UTC)})
	if shownIDs(h)[b.marac] {
		t.Errorf("last week's MARAC still shows:\n%s", d.Screen())
	}
	r := rowOf(h, b.mappa)
	if r == nil || r.group != "This week" || r.report != "report due today" {
		t.Fatalf("the weeks did not move on: %+v\n%s", r, d.Screen())
	}
}

func TestNoMeetings(t *testing.T) {
	st, c := testdb.NoCases(t, testNow)
	d, h := drive(t, st, c, 80, 24)
	screen := d.Screen()
	if !strings.Contains(screen, "No forum meetings or reports due in the next four weeks.") ||
		!strings.Contains(screen, "press n on its Forums tab") {
		t.Fatalf("no empty state:\n%s", screen)
	}
	if d.Keys("enter e j G"); len(h.Sent) != 0 {
		t.Errorf("keys on an empty list sent %#v", h.Sent)
	}
}
