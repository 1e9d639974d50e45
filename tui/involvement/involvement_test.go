package involvement

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

func TestInvolvementGolden(t *testing.T) {
	f := newFixture(t)
	for _, forum := range domain.Forums {
		t.Run(string(forum), func(t *testing.T) {
			d, _ := f.open(t, domain.ForumInvolvement{CaseID: f.caseID, Forum: forum}, 80, 24)
			screen := d.Screen()
			tuitest.AssertFitsAtMost(t, screen, 80, 24)
			golden.RequireEqual(t, screen)
		})
	}
}

func TestFitsEverySize(t *testing.T) {
	f := newFixture(t)
	for _, size := range []struct{ w, h int }{{20, 5}, {40, 8}, {80, 24}, {200, 60}} {
		d, _ := f.open(t, domain.ForumInvolvement{CaseID: f.caseID, Forum: domain.ForumMAPPA}, size.w, size.h)
		tuitest.AssertFitsAtMost(t, d.Screen(), size.w, size.h)
		d.Keys("left enter right enter")
		tuitest.AssertFitsAtMost(t, d.Screen(), size.w, size.h)
	}
}

// involved is the fixture case's recorded standing with forum, failing when none is.
func (f fixture) involved(t *testing.T, forum domain.Forum) domain.ForumInvolvement {
	t.Helper()
	got, err := f.st.CaseForums(context.Background(), f.caseID)
	if err != nil {
		t.Fatal(err)
	}
	v, ok := got.Involved(forum)
	if !ok {
		t.Fatalf("nothing recorded for %s", forum)
	}
	return v
}

func TestRecordingMAPPACategoryAndLevel(t *testing.T) {
	f := newFixture(t)
	d, h := f.open(t, domain.ForumInvolvement{CaseID: f.caseID, Forum: domain.ForumMAPPA}, 80, 24)
	d.Keys("left left left enter") // from not known to category 2
	d.Keys("right right enter")    // level 2
	d.Keys("ctrl+a ctrl+k").Type("03/11/2026").Keys("enter")
	d.Keys("enter") // active
	d.Type("Lancashire MAPPA coordinator").Keys("enter")
	d.Keys("y") // record
	want := domain.ForumInvolvement{CaseID: f.caseID, Forum: domain.ForumMAPPA, Category: domain.MAPPACategory2, Level: 2,
		AsAt: ident.MustDate(2026, 11, 3), Active: true, Note: "Lancashire MAPPA coordinator"}
	if got := f.involved(t, domain.ForumMAPPA); got != want {
		t.Fatalf("recorded %+v, want %+v\n%s", got, want, d.Screen())
	}
	entries, err := f.st.AuditEntries(context.Background(), "case", f.caseID)
	if err != nil || entries[len(entries)-1].Action != "forum.involvement" {
		t.Errorf("last audit entry %+v, %v; want forum.involvement", entries[len(entries)-1], err)
	}
	h.WantTold(t, common.CaseChangedMsg{CaseID: f.caseID}, common.InfoMsg{Text: "MAPPA recorded for Aoife Brennan."}, common.BackMsg{})
}

// A person who is not MAPPA has no level: the level is refused as it is left, and
// nothing is saved until it is none.
func TestNotMAPPAWithALevelIsRefused(t *testing.T) {
	f := newFixture(t)
	d, _ := f.open(t, domain.ForumInvolvement{CaseID: f.caseID, Forum: domain.ForumMAPPA}, 80, 24)
	d.Keys("left enter right enter")
	if screen := d.Screen(); !strings.Contains(screen, "has no MAPPA level: choose none") {
		t.Fatalf("a level for not MAPPA is not refused:\n%s", screen)
	}
	d.Keys("enter enter enter enter")
	if got, _ := f.st.CaseForums(context.Background(), f.caseID); len(got.Involvements) != 0 {
		t.Fatalf("recorded %+v with a level for not MAPPA", got.Involvements)
	}
	d.Keys("left enter enter enter enter y")
	if got := f.involved(t, domain.ForumMAPPA); got.Category != domain.MAPPANotMAPPA || got.Level != 0 {
		t.Fatalf("recorded %+v, want not MAPPA with no level", got)
	}
}

// MARAC and Channel Panel have no category or level; closing an involvement keeps it.
func TestClosingAChannelInvolvement(t *testing.T) {
	f := newFixture(t)
	v := domain.ForumInvolvement{CaseID: f.caseID, Forum: domain.ForumChannel, AsAt: ident.MustDate(2026, 10, 1),
		Active: true, Note: "CH-2026-0042"}
	if err := f.st.SetInvolvement(context.Background(), "os:test", testNow, v); err != nil {
		t.Fatal(err)
	}
	d, h := f.open(t, v, 80, 24)
	if screen := d.Screen(); strings.Contains(screen, "MAPPA") || !strings.Contains(screen, "Recorded: Channel Panel (as at 1 Oct 2026).") {
		t.Errorf("the Channel form:\n%s", screen)
	}
	d.Keys("enter n enter y")
	v.Active = false
	if got := f.involved(t, domain.ForumChannel); got != v {
		t.Fatalf("recorded %+v, want %+v", got, v)
	}
	h.WantTold(t, common.InfoMsg{Text: "Channel Panel recorded for Aoife Brennan."}, common.BackMsg{})
}

// The as-at date is what the partners have decided: not a day still to come.
func TestAsAtInTheFutureIsRefused(t *testing.T) {
	f := newFixture(t)
	d, _ := f.open(t, domain.ForumInvolvement{CaseID: f.caseID, Forum: domain.ForumMARAC}, 80, 24)
	d.Keys("ctrl+a ctrl+k").Type("25/11/2026").Keys("enter")
	if screen := d.Screen(); !strings.Contains(screen, "the as-at date 25 Nov 2026 is after today") {
		t.Fatalf("a future as-at date is not refused:\n%s", screen)
	}
	if got, _ := f.st.CaseForums(context.Background(), f.caseID); len(got.Involvements) != 0 {
		t.Fatalf("recorded %+v", got.Involvements)
	}
}

// Enter alone through every field never records a standing: the last question starts
// on "Not yet".
func TestEnterAloneRecordsNothing(t *testing.T) {
	f := newFixture(t)
	d, _ := f.open(t, domain.ForumInvolvement{CaseID: f.caseID, Forum: domain.ForumMARAC}, 80, 24)
	d.Keys("enter enter enter enter enter")
	if got, _ := f.st.CaseForums(context.Background(), f.caseID); len(got.Involvements) != 0 {
		t.Fatalf("recorded %+v with enter alone", got.Involvements)
	}
	if !strings.Contains(d.Screen(), "Not recorded: choose Record to confirm.") {
		t.Errorf("no word of why:\n%s", d.Screen())
	}
}
