package screening

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// open is the screening form on a referral received five hours before testNow, with
// what passes or fails in it changed by change.
func open(t *testing.T, change func(*domain.Referral)) *tuitest.Driver {
	t.Helper()
	st, me := testdb.NoCases(t, testNow)
	r := domain.Referral{
		Person: domain.Person{GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: ident.MustDate(1988, 5, 17),
			NHSNumber: "9990000018"},
		Source: domain.SourceProbation, ExpectedRelease: ident.MustDate(2027, 3, 1), ReleaseDateType: domain.ReleaseCRD,
		RoSH: domain.RoSHHigh, PriorityGroup: 3, ComplexHealthNeeds: domain.Yes, ResettlementArea: "Preston",
		ApprovedPremises: domain.No, ReceivedAt: testNow.Add(-5 * time.Hour), EnteredAt: testNow.Add(-4 * time.Hour),
		Status: domain.StatusReceived,
	}
	change(&r)
	id, err := st.AddReferral(context.Background(), "test", r.EnteredAt, r)
	if err != nil {
		t.Fatal(err)
	}
	if r, err = st.Referral(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	d, _ := tuitest.Open(t, New(tuitest.Session(testNow, me), st, r), 100, 40)
	return d
}

// Each refusal shows under the field it is about, known by its field
// (domain.FieldRefusal), not its words: the form says it and keeps that field focused.
func TestRefusalsShowUnderTheirField(t *testing.T) {
	tests := []struct {
		name   string
		change func(*domain.Referral)
		steps  func(d *tuitest.Driver)
		says   string
		field  string // the title of the field kept focused
	}{
		{"screening out with no reason", func(*domain.Referral) {},
			func(d *tuitest.Driver) { d.Keys("right enter enter") },
			"✗ Give the reason for screening out", "Reason"},
		{"screening in against a failing criterion with no reason", func(r *domain.Referral) { r.RoSH = domain.RoSHMedium },
			func(d *tuitest.Driver) { d.Keys("enter enter") },
			"✗ The referral is not-eligible (risk): give the reason for screening it in", "Reason"},
		{"a decision time in the future", func(*domain.Referral) {},
			func(d *tuitest.Driver) { d.Keys("shift+tab shift+tab ctrl+u").Type("2026-11-25 09:00").Keys("enter") },
			"✗ The decision time Wed 25 Nov 2026 09:00 is in the future: give when it was made", "Decided at"},
		{"a decision time before receipt", func(*domain.Referral) {},
			func(d *tuitest.Driver) { d.Keys("shift+tab shift+tab ctrl+u").Type("2026-11-24 03:00").Keys("enter") },
			"✗ The decision time Tue 24 Nov 2026 03:00 is before the referral was received", "Decided at"},
		{"decided earlier, with no reason why", func(*domain.Referral) {},
			func(d *tuitest.Driver) {
				d.Keys("shift+tab shift+tab ctrl+u").Type("2026-11-24 06:00").Keys("enter enter")
			},
			"✗ The decision was made at Tue 24 Nov 2026 06:00, earlier than now: say why it is entered later", "Why entered later"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := open(t, tt.change)
			tt.steps(d)
			screen := d.Screen()
			if !strings.Contains(screen, tt.says) {
				t.Errorf("the form does not say %q:\n%s", tt.says, screen)
			}
			if got := focused(screen); !strings.HasPrefix(got, tt.field) {
				t.Errorf("focus on %q, want %q:\n%s", got, tt.field, screen)
			}
		})
	}
}

// focused is the title of the field the form has focused: the first line it marks.
func focused(screen string) string {
	for _, line := range strings.Split(screen, "\n") {
		if title, ok := strings.CutPrefix(strings.TrimSpace(line), "┃ "); ok {
			return title
		}
	}
	return ""
}

// The form opens on the decision with what it rests on above it: the checklist's verdict,
// each criterion not passed, and the referrer's reason; when it was decided stands above,
// prefilled, a shift+tab away. A decision made as it is entered is then the decision, the
// reason and Record (docs/RULES.md, "Screening quickly").
func TestFormOpensOnTheDecisionWithWhatItRestsOn(t *testing.T) {
	d := open(t, func(r *domain.Referral) {
		r.ComplexHealthNeeds = ""
		r.Reason = "Escalating threats towards a former partner reported by the POM."
	})
	screen := d.Screen()
	for _, want := range []string{"Checklist: incomplete", "? Health needs not yet assessed.",
		"Reason for referral: Escalating threats towards a former partner reported by the POM."} {
		if !strings.Contains(screen, want) {
			t.Errorf("the form does not show %q:\n%s", want, screen)
		}
	}
	if got := focused(screen); got != "Decision *" {
		t.Errorf("the form opens on %q, want the decision:\n%s", got, screen)
	}
	if !strings.Contains(screen, "Record: screen in Aoife Brennan?") {
		t.Errorf("the confirmation does not name the decision:\n%s", screen)
	}
	d.Keys("shift+tab shift+tab")
	if got := focused(d.Screen()); !strings.HasPrefix(got, "Decided at") {
		t.Errorf("shift+tab twice reaches %q, want when it was decided:\n%s", got, d.Screen())
	}
}
