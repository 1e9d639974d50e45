package riskform

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

var _ Saver = (*store.Store)(nil)

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func judgements(t *testing.T, c testdb.Case) []domain.RiskJudgement {
	t.Helper()
	got, err := c.Store.RiskJudgements(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// The three ratings are needed: a save without one is refused in the rule's words,
// nothing typed is lost, and once rated the judgement is signed after a confirmation
// naming it, with the clinician's own formulation and no item of the manual.
func TestJudgementSignedAfterConfirmation(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	com := tuitest.Session(testNow, c.Clinician)
	com.ArmAfter = 0
	latest := domain.RiskJudgement{ID: 7, CasePrioritisation: domain.RiskHigh, SeriousHarm: domain.RiskHigh, ImminentViolence: domain.RiskModerate,
		AssessedOn: ident.MustDate(2026, 5, 1), Assessor: "Dr Priya Raman", ReviewOn: ident.MustDate(2026, 11, 1)}
	d, h := tuitest.Open(t, New(com, c.Store, c.ID, c.Person, latest), 100, 30)
	if s := flat(d.Screen()); !strings.Contains(s, "Latest: case prioritisation high, serious physical harm high, imminent violence moderate; assessed 1 May 2026 by Dr Priya Raman; review was due 1 Nov 2026: overdue by 23 days.") {
		t.Fatalf("the latest judgement is not shown:\n%s", d.Screen())
	}
	// Serious harm left unrated; the review set before the assessment.
	d.Keys("right right enter enter right enter enter enter").Type("2026-11-01").Keys("enter").
		Type("Risk rises with isolation and alcohol; both addressed in the release plan.").Keys("enter")
	if s := flat(d.Screen()); !strings.Contains(s, "Not saved.") || !strings.Contains(s, "Rate serious physical harm as low, moderate or high.") {
		t.Fatalf("an unrated judgement is not refused:\n%s", d.Screen())
	}
	if len(judgements(t, c)) != 0 {
		t.Fatal("recorded unrated")
	}
	d.Keys("shift+tab shift+tab shift+tab shift+tab shift+tab right right right enter enter enter enter")
	d.Keys(strings.Repeat("backspace ", 10)).Type("2026-12-01").Keys("enter enter")
	if s := flat(d.Screen()); !strings.Contains(s, "Sign the HCR-20 V3 summary judgement for Aoife Brennan?") {
		t.Fatalf("no confirmation:\n%s", d.Screen())
	}
	s := flat(d.Screen())
	for _, want := range []string{"Case prioritisation moderate, serious physical harm high, imminent violence low. Assessed on 24 Nov 2026 by Dr Tom Halliwell; review by 1 Dec 2026; your formulation of 12 words.",
		"Signed as Dr Tom Halliwell when saved"} {
		if !strings.Contains(s, want) {
			t.Fatalf("the confirmation does not say %q:\n%s", want, d.Screen())
		}
	}
	d.Keys("y")
	got := judgements(t, c)
	if len(got) != 1 || got[0].SeriousHarm != domain.RiskHigh || got[0].ReviewOn != ident.MustDate(2026, 12, 1) ||
		got[0].Formulation != "Risk rises with isolation and alcohol; both addressed in the release plan." || got[0].Hash == "" {
		t.Fatalf("recorded %+v", got)
	}
	h.WantTold(t, common.CaseChangedMsg{CaseID: c.ID})
}
