package handover

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

var _ Source = (*store.Store)(nil)

const (
	amara = "Dr Amara Okonkwo-Reid" // the demo's lead
	tom   = "Dr Tom Halliwell"
	niamh = "Dr Niamh Ó Dálaigh"
)

// demoCase is the demo, where Tom holds more than the cap (the service default), and
// the first open case Niamh holds.
func demoCase(t testing.TB) (*store.Store, domain.CaseSummary) {
	t.Helper()
	st := testdb.Demo(t, testNow)
	sums, err := st.CaseSummaries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sums {
		if s.Clinician.Name == niamh {
			return st, s
		}
	}
	t.Fatal("Niamh holds no case in the demo")
	return nil, domain.CaseSummary{}
}

func form(t testing.TB, st *store.Store, me domain.Clinician, s domain.CaseSummary, w, h int) (*Model, *tuitest.Driver, *tuitest.Host) {
	t.Helper()
	com := tuitest.Session(testNow, me)
	com.ArmAfter = 0
	m := New(com, st, s.Case.ID, s.Referral.Person.Name(), s.Clinician)
	d, hst := tuitest.Open(t, m, w, h)
	return m, d, hst
}

// pick moves the cursor to the clinician named.
func pick(t testing.TB, m *Model, d *tuitest.Driver, name string) domain.ClinicianLoad {
	t.Helper()
	for range m.loads {
		if l, _ := m.chosen(); l.Clinician.Name == name {
			return l
		}
		d.Keys("down")
	}
	t.Fatalf("%s is not offered:\n%s", name, d.Screen())
	return domain.ClinicianLoad{}
}

func held(t testing.TB, st *store.Store, caseID int64) int64 {
	t.Helper()
	s, err := st.CaseSummary(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	return s.Case.AllocatedClinicianID
}

// The handover form: every active clinician but the case's own with their open cases
// against the cap, the one at the cap chosen, the warning and the reason it needs.
func TestGoldenHandover(t *testing.T) {
	for _, sz := range []tuitest.Size{{80, 24}, {120, 40}} {
		t.Run(tuitest.SizeName(sz[0], sz[1]), func(t *testing.T) {
			st, s := demoCase(t)
			m, d, _ := form(t, st, testdb.Clinician(t, st, amara), s, sz[0], sz[1])
			pick(t, m, d, tom)
			d.Keys("tab").Type("Release plans agreed with the COM; next contact due Friday.")
			d.Keys("ctrl+g")
			screen := d.Screen()
			tuitest.AssertFitsAtMost(t, screen, sz[0], sz[1])
			golden.RequireEqual(t, screen)
		})
	}
}

// Handing to a clinician at the cap needs a reason: without one nothing is handed over
// and the form says so under the reason; with one, the case goes, reason and all.
func TestHandoverOverCapNeedsAReason(t *testing.T) {
	st, s := demoCase(t)
	m, d, h := form(t, st, testdb.Clinician(t, st, amara), s, 100, 30)
	to := pick(t, m, d, tom)
	if !to.AtCap() || !strings.Contains(d.Screen(), "over the cap") {
		t.Fatalf("%s holds %d of %d: not at the cap?\n%s", tom, to.Open, to.Cap, d.Screen())
	}
	d.Keys("tab").Type("Over to Tom.")
	d.Keys("ctrl+g")
	if m.dialog != nil || !strings.Contains(d.Screen(), "give a reason to allocate one more") || m.focus != fieldReason {
		t.Fatalf("no reason asked for:\n%s", d.Screen())
	}
	if got := held(t, st, s.Case.ID); got != s.Clinician.ID {
		t.Fatalf("handed over without a reason, to %d", got)
	}
	d.Type("He knows the family from an earlier case.")
	d.Keys("ctrl+g y")
	if got := held(t, st, s.Case.ID); got != to.Clinician.ID {
		t.Fatalf("held by %d, want %d\n%s", got, to.Clinician.ID, d.Screen())
	}
	hs, err := st.Handovers(context.Background(), s.Case.ID)
	if err != nil || len(hs) != 1 || hs[0].OverCapReason != "He knows the family from an earlier case." || hs[0].Note != "Over to Tom." {
		t.Fatalf("handovers %+v %v", hs, err)
	}
	h.WantTold(t, common.CaseChangedMsg{CaseID: s.Case.ID}, common.BackMsg{})
}

// A case handed over in another window since the form opened is refused: the form says
// so and keeps the note; the other handover stands.
func TestHandoverConflict(t *testing.T) {
	st, s := demoCase(t)
	lead := testdb.Clinician(t, st, amara)
	m, d, _ := form(t, st, lead, s, 100, 30)
	pick(t, m, d, amara)
	d.Keys("tab").Type("Taking it myself.")
	other := testdb.Another(t, st)
	beth := testdb.Clinician(t, st, "Beth Armitage")
	if _, err := other.HandOver(context.Background(), lead.ID, testNow, domain.Handover{CaseID: s.Case.ID, To: beth.ID,
		Note: "To Beth.", OverCapReason: "Covering leave."}, s.Clinician.ID); err != nil {
		t.Fatal(err)
	}
	d.Keys("ctrl+g y")
	if got := held(t, st, s.Case.ID); got != beth.ID {
		t.Fatalf("held by %d, want Beth %d", got, beth.ID)
	}
	if !strings.Contains(d.Screen(), "Not handed over:") || !strings.Contains(d.Screen(), "handed over since it was shown") {
		t.Errorf("the conflict is not said:\n%s", d.Screen())
	}
	if m.note.Value() != "Taking it myself." {
		t.Errorf("the note was lost: %q", m.note.Value())
	}
}

// Only a lead or the case's own clinician hands a case over: anyone else is refused by
// the store, and the note stays.
func TestHandoverRefusedForAnotherClinician(t *testing.T) {
	st, s := demoCase(t)
	m, d, _ := form(t, st, testdb.Clinician(t, st, "Sanjay Mistry"), s, 100, 30)
	d.Keys("tab").Type("Not mine to give.")
	d.Keys("ctrl+g")
	if m.overCap() {
		d.Type("Reason.").Keys("ctrl+g")
	}
	d.Keys("y")
	if got := held(t, st, s.Case.ID); got != s.Clinician.ID {
		t.Fatalf("handed over by someone else, to %d", got)
	}
	if !strings.Contains(m.problem, "only a lead or the case's own clinician may") || !strings.Contains(d.Screen(), "Not handed over:") ||
		m.note.Value() != "Not mine to give." {
		t.Errorf("refusal not said or note lost:\n%s", d.Screen())
	}
}

// The note is needed.
func TestHandoverNeedsANote(t *testing.T) {
	st, s := demoCase(t)
	m, d, _ := form(t, st, testdb.Clinician(t, st, niamh), s, 100, 30)
	d.Keys("ctrl+g")
	if m.dialog != nil || !strings.Contains(d.Screen(), "Write the handover note") || m.focus != fieldNote {
		t.Fatalf("handed over without a note:\n%s", d.Screen())
	}
}
