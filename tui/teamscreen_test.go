package tui

import (
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// A lead opens the Team screen from Today with w, and enter on a clinician opens the
// caseload list of their cases alone; anyone else is not shown the key, w does nothing
// for them, and the root refuses the screen when asked for it all the same
// (docs/RULES.md, "Caseload sizes").
func TestOnlyALeadOpensTheTeam(t *testing.T) {
	for _, tt := range []struct {
		name   string
		access domain.Access
		opens  bool
	}{
		{"lead", domain.AccessLead, true},
		{"clinician", domain.AccessClinician, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := testdb.Demo(t, testNow)
			app := newAppAs(t, st, tt.access)
			d := tuitest.New(t, app, 120, 40)
			d.Keys("?")
			if shown := strings.Contains(d.Screen(), "team's caseloads"); shown != tt.opens {
				t.Errorf("the help shows the Team key: %v", shown)
			}
			d.Keys("esc w")
			if opened := app.top().Title() == "Team"; opened != tt.opens {
				t.Fatalf("w opened the Team screen: %v\n%s", opened, d.Screen())
			}
			if !tt.opens {
				d.Send(common.OpenTeamMsg{})
				if app.top().Title() == "Team" || !strings.Contains(d.Screen(), "only a lead can see the team's caseloads") {
					t.Errorf("asked directly, the root opened it or did not say why not:\n%s", d.Screen())
				}
				return
			}
			d.Keys("j j j enter") // Beth, Amara, Niamh, Tom
			s := d.Screen()
			if app.top().Title() != "Caseload" || !strings.Contains(s, "Dr Tom Halliwell's cases (9)") {
				t.Fatalf("enter on Tom did not open his cases:\n%s", s)
			}
			for _, r := range tuitest.Rows(s) {
				if strings.Contains(r, "Niamh") || strings.Contains(r, "unallocated") {
					t.Errorf("a case Tom does not hold is listed: %q", r)
				}
			}
			d.Keys("m")
			if !strings.Contains(d.Screen(), "Everyone's cases") {
				t.Errorf("m does not show everyone's:\n%s", d.Screen())
			}
		})
	}
}
