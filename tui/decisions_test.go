package tui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// eligibleReferral is a referral that meets every criterion at testNow; tests change
// one fact at a time from it.
func eligibleReferral() domain.Referral {
	return domain.Referral{
		Person: domain.Person{GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: ident.MustDate(1988, 5, 17),
			NHSNumber: "9990000018", PrisonNumber: "A1234BC", PNCID: "1998/0000042L", CRN: "X123456"},
		Source:        domain.SourceProbation,
		Referrer:      domain.Referrer{Name: "Sam Carter", Org: "Probation Service, Preston", Email: "sam.carter@example.org"},
		CurrentPrison: "HMP Preston", ExpectedRelease: ident.MustDate(2027, 3, 1), ReleaseDateType: domain.ReleaseCRD,
		RoSH: domain.RoSHHigh, PriorityGroup: 3, ComplexHealthNeeds: domain.Yes, ResettlementArea: "Preston",
		ApprovedPremises: domain.No, Reason: "Complex trauma history; engagement in custody has been limited.",
		ReceivedAt: testNow.Add(-5 * time.Hour), EnteredAt: testNow.Add(-4 * time.Hour), Status: domain.StatusReceived,
	}
}

// oneReferral is a database holding one referral and the demo clinicians, and a driver
// with that referral open.
func oneReferral(t *testing.T, r domain.Referral, w, h int) (*store.Store, *tuitest.Driver, int64) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Create(ctx, filepath.Join(t.TempDir(), "one.db"), testNow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, c := range demo.Clinicians() {
		if _, err := st.AddClinician(ctx, "test", testNow, c); err != nil {
			t.Fatal(err)
		}
	}
	id, err := st.AddReferral(ctx, "test", testNow.Add(-4*time.Hour), r)
	if err != nil {
		t.Fatal(err)
	}
	d := tuitest.New(t, newApp(t, st), w, h)
	d.Keys("enter")
	return st, d, id
}

func TestReferralViewGolden(t *testing.T) {
	tests := map[string]func(*domain.Referral){
		"eligible": func(*domain.Referral) {},
		"not-eligible": func(r *domain.Referral) {
			r.RoSH, r.ResettlementArea = domain.RoSHMedium, "Prestn"
		},
		"incomplete": func(r *domain.Referral) {
			r.ComplexHealthNeeds, r.ExpectedRelease, r.ReleaseDateType = "", ident.Date{}, ""
		},
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			r := eligibleReferral()
			change(&r)
			_, d, _ := oneReferral(t, r, 80, 24)
			screen := d.Screen()
			tuitest.AssertFits(t, screen, 80, 24)
			golden.RequireEqual(t, screen)
		})
	}
}

func TestScreenInEligible(t *testing.T) {
	st, d, id := oneReferral(t, eligibleReferral(), 80, 24)
	d.Keys("s enter enter enter enter y") // decision: screen in; no reason needed; decided now; confirm
	dec, ok, err := st.Screening(context.Background(), id)
	if err != nil || !ok {
		t.Fatalf("no screening recorded (%v):\n%s", err, d.Screen())
	}
	if dec.Outcome != domain.ScreenedIn || !dec.WithinWindow || dec.Checklist.Verdict != domain.Eligible {
		t.Fatalf("decision %+v", dec)
	}
	screen := d.Screen()
	if !strings.Contains(screen, "screened in") || !strings.Contains(screen, "Screened in Aoife Brennan, within the 48 hours.") {
		t.Fatalf("view does not show the decision:\n%s", screen)
	}
}

func TestScreenOutWithoutReasonIsRefused(t *testing.T) {
	st, d, id := oneReferral(t, eligibleReferral(), 80, 24)
	d.Keys("s right enter enter") // screen out, then try to leave the reason empty
	if !strings.Contains(d.Screen(), "Give the reason for screening out") {
		t.Fatalf("empty reason not refused:\n%s", d.Screen())
	}
	d.Keys("tab") // tab cannot get past the empty reason either
	if _, ok, _ := st.Screening(context.Background(), id); ok {
		t.Fatal("a screening was recorded without a reason")
	}
	r, _ := st.Referral(context.Background(), id)
	if r.Status != domain.StatusReceived {
		t.Fatalf("status %s, want received", r.Status)
	}
	d.Type("Resettling in Leeds.").Keys("enter enter enter y")
	if dec, ok, _ := st.Screening(context.Background(), id); !ok || dec.Outcome != domain.ScreenedOut || dec.Reason != "Resettling in Leeds." {
		t.Fatalf("screening out with a reason not recorded: %+v\n%s", dec, d.Screen())
	}
}

func TestScreenInAgainstAFailingCriterionNeedsAReason(t *testing.T) {
	r := eligibleReferral()
	r.RoSH = domain.RoSHMedium
	st, d, id := oneReferral(t, r, 80, 24)
	d.Keys("s enter enter")
	if !strings.Contains(d.Screen(), "give the reason for screening it in") {
		t.Fatalf("override without reason not refused:\n%s", d.Screen())
	}
	d.Type("COM reports escalation; RoSH review due this week.").Keys("enter enter enter y")
	dec, ok, _ := st.Screening(context.Background(), id)
	if !ok || dec.Outcome != domain.ScreenedIn || dec.Checklist.Verdict != domain.NotEligible {
		t.Fatalf("override not recorded: %+v\n%s", dec, d.Screen())
	}
}

func TestConsultationAcceptedOpensACase(t *testing.T) {
	st, d, id := oneReferral(t, eligibleReferral(), 100, 30)
	d.Keys("s enter enter enter enter y")
	d.Keys("c enter") // decided now
	d.Type("Sam Carter, COM, Probation Service").Keys("enter")
	d.Keys("enter") // accepted
	d.Type("Meets every criterion; the COM and POM support engagement.").Keys("enter enter")
	d.Keys("enter") // the first clinician
	d.Keys("y")
	kase, ok, err := st.CaseForReferral(context.Background(), id)
	if err != nil || !ok {
		t.Fatalf("no case opened (%v):\n%s", err, d.Screen())
	}
	if kase.AllocatedClinicianID == 0 || kase.Status != domain.CaseOpen {
		t.Fatalf("case %+v", kase)
	}
	if !strings.Contains(d.Screen(), "accepted") || !strings.Contains(d.Screen(), "case") {
		t.Fatalf("view does not show the case:\n%s", d.Screen())
	}
}

func TestConsultationNotAcceptedClosesTheReferral(t *testing.T) {
	st, d, id := oneReferral(t, eligibleReferral(), 100, 30)
	d.Keys("s enter enter enter enter y")
	d.Keys("c enter")
	d.Type("Sam Carter, COM, Probation Service").Keys("enter")
	d.Keys("right enter") // not accepted
	d.Type("Already engaged with the local OPD service; duplication not in his interest.").Keys("enter enter y")
	r, _ := st.Referral(context.Background(), id)
	if r.Status != domain.StatusNotAccepted {
		t.Fatalf("status %s, want not-accepted:\n%s", r.Status, d.Screen())
	}
	if _, ok, _ := st.CaseForReferral(context.Background(), id); ok {
		t.Fatal("a case was opened for a referral not accepted")
	}
	d.Keys("c")
	if !strings.Contains(d.Screen(), "No consultation to record") {
		t.Fatalf("c on a closed referral did not explain itself:\n%s", d.Screen())
	}
}

func TestWithdrawAndInvalidChangesAreRefused(t *testing.T) {
	st, d, id := oneReferral(t, eligibleReferral(), 100, 30)
	d.Keys("c")
	if !strings.Contains(d.Screen(), "Screen the referral in (s) before") {
		t.Fatalf("consultation before screening not explained:\n%s", d.Screen())
	}
	d.Keys("w").Type("Moved to HMP Manchester; resettling in Leeds.").Keys("enter y")
	r, _ := st.Referral(context.Background(), id)
	if r.Status != domain.StatusWithdrawn {
		t.Fatalf("status %s, want withdrawn", r.Status)
	}
	// Behind the app's back, the store refuses what the pathway does not allow.
	_, err := st.ScreenReferral(context.Background(), "test", testNow, id, domain.ScreenedIn, "")
	if !errors.Is(err, domain.ErrTransition) {
		t.Fatalf("screening a withdrawn referral: %v", err)
	}
}

func TestCorrectionIsAuditedAndTheChecklistFollows(t *testing.T) {
	r := eligibleReferral()
	r.ResettlementArea = "Manchester"
	st, d, id := oneReferral(t, r, 100, 30)
	if !strings.Contains(d.Screen(), "Not eligible") {
		t.Fatalf("Manchester should fail resettlement:\n%s", d.Screen())
	}
	d.Keys("e")
	// Through the first two pages to the area field.
	d.Keys("enter enter enter enter enter enter enter") // person
	d.Keys("enter enter enter enter enter tab")         // referral
	d.Keys("enter enter enter enter enter enter")       // to the area
	d.Keys("ctrl+u").Type("Blackpool").Keys("enter enter")
	if !strings.Contains(d.Screen(), "✓ Eligible") {
		t.Fatalf("checklist did not follow the correction:\n%s", d.Screen())
	}
	entries, err := st.AuditEntries(context.Background(), "referral", id)
	if err != nil {
		t.Fatal(err)
	}
	last := entries[len(entries)-1]
	if last.Action != "referral.corrected" || !strings.Contains(last.Detail, "Manchester") || !strings.Contains(last.Detail, "Blackpool") {
		t.Fatalf("last audit entry %+v", last)
	}
}

// TestTwoCliniciansScreenOneReferral: the screening form is open on one handle when a
// colleague screens the referral out through another. The open form says who changed
// it and when, without reloading under the typist; submitting is refused, naming who
// decided and what, and nothing of the colleague's decision is overwritten.
func TestTwoCliniciansScreenOneReferral(t *testing.T) {
	st, d, id := oneReferral(t, eligibleReferral(), 100, 30)
	ctx := context.Background()
	colleague, err := store.Open(ctx, st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer colleague.Close()
	d.Keys("s")
	niamh := testdb.Clinician(t, st, "Dr Niamh Ó Dálaigh")
	if _, err := colleague.ScreenReferral(ctx, fmt.Sprintf("clinician:%d", niamh.ID), testNow.Add(-time.Minute), id,
		domain.ScreenedOut, "Resettling in Leeds: outside the area."); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	if s := d.Screen(); !strings.Contains(s, "Changed by Dr Niamh Ó Dálaigh at 08:59") || !strings.Contains(s, "screened out") {
		t.Fatalf("the open form does not say who decided:\n%s", s)
	}
	d.Keys("enter enter enter enter y")
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	if !strings.Contains(flat, `Dr Niamh Ó Dálaigh recorded "screened out" on this referral`) ||
		!strings.Contains(flat, "your decision was not recorded") {
		t.Fatalf("the refusal does not say who decided first:\n%s", d.Screen())
	}
	dec, ok, err := st.Screening(ctx, id)
	if err != nil || !ok || dec.Outcome != domain.ScreenedOut || dec.DecidedBy != fmt.Sprintf("clinician:%d", niamh.ID) {
		t.Fatalf("the colleague's decision changed: %+v, %v, %v", dec, ok, err)
	}
}

// A screening made earlier than it is typed says when, and why it is typed later; a
// time before the referral was received is refused on its field (docs/RULES.md, "When a
// decision was made").
func TestScreeningDecidedEarlier(t *testing.T) {
	st, d, id := oneReferral(t, eligibleReferral(), 100, 30)
	// When it was decided stands above the decision the form opens on.
	d.Keys("s shift+tab shift+tab ctrl+u").Type("2026-11-24 03:00").Keys("enter")
	if !strings.Contains(d.Screen(), "before the referral was received") {
		t.Fatalf("a decision before receipt not refused:\n%s", d.Screen())
	}
	d.Keys("ctrl+u").Type("24/11/2026 06:00").Keys("enter enter")
	if !strings.Contains(d.Screen(), "say why it is entered later") {
		t.Fatalf("an earlier decision without a reason not refused:\n%s", d.Screen())
	}
	d.Type("Decided at the 06:00 triage.").Keys("enter enter enter y")
	dec, ok, err := st.Screening(context.Background(), id)
	if err != nil || !ok {
		t.Fatalf("no screening recorded (%v):\n%s", err, d.Screen())
	}
	if want := time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC); !dec.DecidedAt.Equal(want) || !dec.EnteredAt.Equal(testNow) ||
		dec.LateReason != "Decided at the 06:00 triage." {
		t.Errorf("decision %+v", dec)
	}
	if flat := strings.Join(strings.Fields(d.Screen()), " "); !strings.Contains(flat, "Decided at the 06:00 triage.") {
		t.Errorf("the referral does not say when and why it was entered later:\n%s", d.Screen())
	}
}
