package tui

import (
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// Everyone opens the Reports screen from Today with p, the help names the key, and esc
// goes back; only a lead's report has the by-clinician part (docs/RULES.md, "Reports").
func TestEveryoneOpensTheReports(t *testing.T) {
	for _, tt := range []struct {
		name   string
		access domain.Access
		lead   bool
	}{
		{"lead", domain.AccessLead, true},
		{"clinician", domain.AccessClinician, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := testdb.Demo(t, testNow)
			app := newAppAs(t, st, tt.access)
			d := tuitest.New(t, app, 120, 40)
			if d.Keys("?"); !strings.Contains(d.Screen(), "reports") {
				t.Errorf("the help does not name the Reports key:\n%s", d.Screen())
			}
			d.Keys("esc p")
			if app.top().Title() != "Reports" {
				t.Fatalf("p did not open the Reports screen:\n%s", d.Screen())
			}
			if s := d.Screen(); !strings.Contains(s, "Referrals received") {
				t.Errorf("the report did not load:\n%s", s)
			}
			d.Keys("G")
			if byClinician := strings.Contains(d.Screen(), "By clinician"); byClinician != tt.lead {
				t.Errorf("the by-clinician part shows: %v\n%s", byClinician, d.Screen())
			}
			if d.Keys("esc"); app.top().Title() == "Reports" {
				t.Error("esc did not go back")
			}
		})
	}
}
