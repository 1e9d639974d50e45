package teamload

import (
	"strings"
	"testing"

	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

func TestTeamGolden(t *testing.T) {
	st := busyTeam(t)
	tuitest.Golden(t, tuitest.AssertFitsAtMost, newScreen(st, testdb.Clinician(t, st, amara)), []tuitest.Size{{80, 24}, {120, 40}})
}

func TestFitsEverySize(t *testing.T) {
	st := busyTeam(t)
	paths := map[string]string{"top": "", "bottom": "G", "pages": "pgdown pgup", "filter": "/ d r", "kept filter": "/ d r enter G"}
	sizes := []tuitest.Size{{20, 5}, {20, 24}, {33, 9}, {40, 8}, {80, 24}, {200, 60}}
	tuitest.EverySize(t, paths, sizes, newScreen(st, testdb.Clinician(t, st, amara)), tuitest.AssertFitsAtMost)
}

// Over the cap, left holding cases and nobody holding them are each said in words with
// ⚠, at 80 columns as at 120; the foot spells the row under the cursor out in full.
func TestStandingInWords(t *testing.T) {
	st := busyTeam(t)
	for _, w := range []int{80, 120} {
		d, _ := drive(t, st, testdb.Clinician(t, st, amara), w, 24)
		s := d.Screen()
		for who, words := range map[string]string{tom: "⚠ over the cap by 1", "Beth Armitage": "⚠ left: hand over",
			"unallocated": "⚠ to allocate"} {
			if l := rowOf(s, who); !strings.Contains(l, words) {
				t.Errorf("at %d columns %s's line %q does not say %q:\n%s", w, who, l, words, s)
			}
		}
		if l := rowOf(s, "Dr Niamh"); l == "" || strings.Contains(l, "⚠") {
			t.Errorf("Niamh, under the cap, is marked: %q", l)
		}
		if !strings.Contains(s, "⚠ 1 over the cap · ⚠ 1 has left · ⚠ 1 unallocated") {
			t.Errorf("the summary does not count them:\n%s", s)
		}
	}
	d, _ := drive(t, st, testdb.Clinician(t, st, amara), 120, 40)
	for range 2 { // Amara, Niamh, then Tom
		d.Keys("j")
	}
	want := "Dr Tom Halliwell holds 9 open cases; the cap is 8: ⚠ over the cap by 1. Before the window"
	if !strings.Contains(d.Screen(), want) || !strings.Contains(d.Screen(), "release unknown or recalled") {
		t.Errorf("the foot does not spell Tom's load out:\n%s", d.Screen())
	}
}

// Enter asks for the caseload list of the clinician under the cursor; on the last row,
// of the cases nobody holds.
func TestEnterOpensTheirCases(t *testing.T) {
	st := busyTeam(t)
	tomC := testdb.Clinician(t, st, tom)
	d, h := drive(t, st, testdb.Clinician(t, st, amara), 120, 40)
	d.Keys("j j")
	if got, want := h.Sends(t, "enter"), (common.OpenCaseloadMsg{Held: true, ClinicianID: tomC.ID, Clinician: tom}); got != want {
		t.Errorf("enter on Tom sent %#v, want %#v", got, want)
	}
	d.Keys("G")
	if got, want := h.Sends(t, "enter"), (common.OpenCaseloadMsg{Held: true, Clinician: "unallocated"}); got != want {
		t.Errorf("enter on the unallocated row sent %#v, want %#v", got, want)
	}
	if got := h.Sends(t, "esc"); got != (common.BackMsg{}) {
		t.Errorf("esc sent %#v, want BackMsg", got)
	}
}

// rowOf is the first row of screen holding text.
func rowOf(screen, text string) string {
	for _, l := range tuitest.Rows(screen) {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// / filters the team by name; enter on the one match opens that clinician's cases.
func TestTeamFilter(t *testing.T) {
	st := testdb.Demo(t, testNow)
	lead := testdb.Clinician(t, st, amara)
	d, h := drive(t, st, lead, 120, 40)
	d.Keys("/").Type("sanjay")
	m := h.Screen.(*Model)
	if len(m.list.Shown()) != 1 || !strings.Contains(d.Screen(), "1 of 6 match") {
		t.Fatalf("filtering by sanjay:\n%s", d.Screen())
	}
	if got, ok := h.Sends(t, "enter").(common.OpenCaseloadMsg); !ok || got.Clinician != "Sanjay Mistry" {
		t.Fatalf("enter on the one match sent %#v", got)
	}
}
