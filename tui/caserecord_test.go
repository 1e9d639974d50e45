package tui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
	"caseload/tui/tuitest"
)

// oneCase is a database holding one accepted referral with its open case, held by the
// first demo clinician, who is signed in; the driver shows the caseload list.
func oneCase(t *testing.T, w, h int) (*store.Store, *tuitest.Driver, int64) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Create(ctx, filepath.Join(t.TempDir(), "case.db"), testNow.Add(-72*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var clinicianID int64
	for i, c := range demo.Clinicians() {
		id, err := st.AddClinician(ctx, "test", testNow.Add(-72*time.Hour), c)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			clinicianID = id
		}
	}
	r := eligibleReferral()
	r.ReceivedAt, r.EnteredAt = testNow.Add(-70*time.Hour), testNow.Add(-69*time.Hour)
	refID, err := st.AddReferral(ctx, "test", r.EnteredAt, r)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ScreenReferral(ctx, "test", testNow.Add(-60*time.Hour), refID, domain.ScreenedIn, ""); err != nil {
		t.Fatal(err)
	}
	_, caseID, err := st.RecordConsultation(ctx, "test", testNow.Add(-24*time.Hour), domain.Consultation{
		ReferralID: refID, MeetingDate: ident.DateOf(testNow.Add(-24 * time.Hour)), Outcome: domain.ConsultAccepted,
		Attendees: []domain.Attendee{{Name: "Sam Carter", Role: "COM", Agency: "Probation Service"}},
		Rationale: "Meets every criterion.", AllocatedClinicianID: clinicianID})
	if err != nil {
		t.Fatal(err)
	}
	d := tuitest.New(t, newApp(t, st), w, h)
	d.Keys("c")
	return st, d, caseID
}

func TestCaseSummaryGolden(t *testing.T) {
	st, d, caseID := oneCase(t, 80, 24)
	d.Keys("enter")
	screen := d.Screen()
	tuitest.AssertFits(t, screen, 80, 24)
	golden.RequireEqual(t, screen)
	entries, err := st.AuditEntries(context.Background(), "case", caseID)
	if err != nil {
		t.Fatal(err)
	}
	viewed := false
	for _, e := range entries {
		viewed = viewed || e.Action == "case.viewed"
	}
	if !viewed {
		t.Fatalf("opening the case wrote no viewed entry: %+v", entries)
	}
}

func TestNoteDraftSignAddendum(t *testing.T) {
	st, d, caseID := oneCase(t, 100, 30)
	ctx := context.Background()
	d.Keys("enter 3 n")             // the case, its notes, a new note
	d.Keys("tab")                   // face to face, to the contact time (now)
	d.Keys("tab").Type("50")        // minutes
	d.Keys("tab").Type("Aoife; Jo") // present
	d.Keys("tab").Type("Talked about the move to AP 🙂; she said «أنا بخير».")
	d.Keys("esc") // saves the draft and closes
	notes, err := st.Notes(ctx, caseID, 1)
	if err != nil || len(notes) != 1 || notes[0].Signed() || notes[0].DurationMinutes != 50 {
		t.Fatalf("draft not saved: %+v %v\n%s", notes, err, d.Screen())
	}
	if !strings.Contains(notes[0].Text, "🙂") || !strings.Contains(notes[0].Text, "أنا بخير") {
		t.Fatalf("text not intact: %q", notes[0].Text)
	}
	d.Keys("enter s y") // open it, sign, confirm
	n, err := st.Note(ctx, notes[0].ID)
	if err != nil || !n.Signed() || n.Hash != domain.SignedNoteHash(n) {
		t.Fatalf("not signed: %+v %v\n%s", n, err, d.Screen())
	}
	d.Keys("e")
	if !strings.Contains(d.Screen(), "A signed note cannot be changed") {
		t.Fatalf("editing a signed note not refused on screen:\n%s", d.Screen())
	}
	n.Text = "rewritten"
	if _, err := st.SaveNoteDraft(ctx, 1, testNow, n); !errors.Is(err, domain.ErrSigned) {
		t.Fatalf("store let a signed note change: %v", err)
	}
	d.Keys("a enter").Type("She meant the AP in Blackburn, not Preston.").Keys("enter y")
	n, _ = st.Note(ctx, n.ID)
	if len(n.Addenda) != 1 || n.Addenda[0].Kind != domain.AddendumCorrection {
		t.Fatalf("addendum not added: %+v\n%s", n.Addenda, d.Screen())
	}
	screen := d.Screen()
	tuitest.AssertFits(t, screen, 100, 30)
	golden.RequireEqual(t, screen)
}

func TestFormulationTwoVersionsCompared(t *testing.T) {
	st, d, caseID := oneCase(t, 100, 30)
	d.Keys("enter 2 e").Type("Low mood and anger when plans fall through.")
	d.Keys("tab").Type("Care history from age 9.").Keys("esc")
	d.Keys("s y") // sign version 1
	d.Keys("e").Type(" Sleep is poor.").Keys("esc")
	d.Keys("s y") // sign version 2
	fs, err := st.Formulations(context.Background(), caseID)
	if err != nil || len(fs) != 2 || !fs[0].Signed() || !fs[1].Signed() || fs[0].SupersedesID != fs[1].ID {
		t.Fatalf("versions %+v %v\n%s", fs, err, d.Screen())
	}
	d.Keys("h d")
	screen := d.Screen()
	if !strings.Contains(screen, "Changes from version 1 to version 2") || !strings.Contains(screen, "{+ Sleep is poor.+}") {
		t.Fatalf("compare does not show the change:\n%s", screen)
	}
	tuitest.AssertFits(t, screen, 100, 30)
	golden.RequireEqual(t, screen)
	// Any two: mark the older version, move to the newer, compare.
	d.Keys("esc j space k d")
	if !strings.Contains(d.Screen(), "Changes from version 1 to version 2") {
		t.Fatalf("comparing marked versions:\n%s", d.Screen())
	}
}
