package tui

import (
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// A lead opens the audit log from Today with a; anyone else is not shown the key, a
// does nothing for them, and the root refuses the log when asked for it all the same
// (docs/RULES.md, "What is audited").
func TestOnlyALeadOpensTheAuditLog(t *testing.T) {
	for _, tt := range []struct {
		name   string
		access domain.Access
		opens  bool
	}{
		{"lead", domain.AccessLead, true},
		{"clinician", domain.AccessClinician, false},
		{"admin", domain.AccessAdmin, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := testdb.Demo(t, testNow)
			app := newAppAs(t, st, tt.access)
			d := tuitest.New(t, app, 120, 40)
			d.Keys("?")
			if shown := strings.Contains(d.Screen(), "audit log"); shown != tt.opens {
				t.Errorf("the help shows the audit log key: %v", shown)
			}
			d.Keys("esc a")
			if opened := app.top().Title() == "Audit log"; opened != tt.opens {
				t.Fatalf("a opened the audit log: %v\n%s", opened, d.Screen())
			}
			if tt.opens {
				return
			}
			d.Send(common.OpenAuditLogMsg{})
			if app.top().Title() == "Audit log" || !strings.Contains(d.Screen(), "only a lead can read the audit log") {
				t.Errorf("asked directly, the root opened it or did not say why not:\n%s", d.Screen())
			}
		})
	}
}
