package referral

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

// What a screening rests on is in sight at 100x30 (the body the root gives the view
// there is 100x27) before anything scrolls: the reason for referral and every fact the
// checklist judges. A reason longer than its four lines ends with where the rest is,
// and is given in full at the end (docs/RULES.md, "Screening quickly").
func TestScreeningFactsInSightAt100x30(t *testing.T) {
	long := strings.Repeat("Escalating threats towards a former partner reported by the POM. ", 20)
	tests := []struct {
		name, reason string
		says         []string
	}{
		{"a short reason", "Complex trauma history; engagement in custody has been limited.",
			[]string{"Complex trauma history; engagement in custody has been limited."}},
		{"no reason given", "", []string{"not given"}},
		{"a long reason", long, []string{"Escalating threats", "…", "The whole reason is at the end, below the facts."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, me := testdb.NoCases(t, testNow)
			r := domain.Referral{
				Person: domain.Person{GivenName: "Aoife", FamilyName: "Brennan", NHSNumber: "9990000018"},
				Source: domain.SourceProbation, RoSH: domain.RoSHHigh, PriorityGroup: 3,
				ComplexHealthNeeds: domain.Yes, ResettlementArea: "Preston", ExpectedRelease: ident.MustDate(2027, 3, 1),
				ReleaseDateType: domain.ReleaseCRD, ReceivedAt: testNow.Add(-5 * time.Hour), EnteredAt: testNow.Add(-4 * time.Hour),
				Status: domain.StatusReceived, Reason: tt.reason,
			}
			id, err := st.AddReferral(context.Background(), "test", r.EnteredAt, r)
			if err != nil {
				t.Fatal(err)
			}
			m := New(tuitest.Session(testNow, me), st, id)
			d, _ := tuitest.Open(t, m, 100, 27)
			screen := d.Screen()
			want := append([]string{"Reason for referral", "Source", "RoSH", "Priority", "Health needs", "Area",
				"Release", "Received", "Screen by", "No decision yet"}, tt.says...)
			for _, w := range want {
				if !strings.Contains(screen, w) {
					t.Errorf("%q is not in sight:\n%s", w, screen)
				}
			}
			if tt.reason == long && strings.Count(strings.Join(m.body(), "\n"), "Escalating threats") < 20 {
				t.Errorf("the whole reason is not given at the end")
			}
		})
	}
}
