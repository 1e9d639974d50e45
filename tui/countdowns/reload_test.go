package countdowns

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/common"
)

// A release date deferred in another process shows when the data changes; the case
// moves down the countdowns and the cursor goes with it; the mine toggle stays.
func TestReleaseChangedElsewhereShowsInPlace(t *testing.T) {
	st := testdb.Demo(t, testNow)
	other := testdb.Another(t, st)
	d, h := drive(t, st, testdb.Clinician(t, st, tom), 120, 30)
	m := h.Screen.(*Model)
	d.Keys("m")
	var (
		id   int64
		kind domain.ReleaseDateType
	)
	for range m.list.Shown() {
		if r := m.list.Selected(); r.pathway.Phase == domain.PhasePreRelease {
			id, kind = r.caseID, r.pathway.Anchor.Kind
			break
		}
		d.Keys("j")
	}
	if id == 0 {
		t.Fatalf("none of my cases is before release:\n%s", d.Screen())
	}
	at, shown := m.list.Cursor(), len(m.list.Shown())
	to := domain.ReleaseDate{Date: ident.MustDate(2029, 8, 31), Kind: kind} // the date that is the release moves
	if _, err := other.ChangeRelease(context.Background(), "clinician:1", testNow, id, to, "parole refused"); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	if m.selectedID() != id || !strings.Contains(m.list.Selected().countdown, "2029") {
		t.Fatalf("cursor on case %d (%q), want %d deferred to 2029:\n%s", m.selectedID(), m.list.Selected().countdown, id, d.Screen())
	}
	if m.list.Cursor() == at {
		t.Errorf("the deferred case did not move down (cursor still at %d)", at)
	}
	if !m.mine || len(m.list.Shown()) != shown || !strings.Contains(d.Screen(), "Your cases") {
		t.Errorf("mine %v showing %d, want mine showing %d:\n%s", m.mine, len(m.list.Shown()), shown, d.Screen())
	}
}
