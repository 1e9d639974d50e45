package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// Two leads on the Settings screen: a change is made only if the setting still holds
// what that lead was shown; otherwise it is refused naming who changed it, to what and
// when, and nothing is written (docs/RULES.md, "Service settings from the Settings
// screen").
func TestSetSettingSeen(t *testing.T) {
	at := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name        string
		before      string // a change by another lead first, "" for none
		seen, value string
		changed     bool
		refusal     string
	}{
		{"the default as seen", "", "8", "10", true, ""},
		{"seen and unchanged", "", "8", "8", false, ""},
		{"another lead changed it since", "12", "8", "10", false,
			"caseload-cap was changed to 12 by Rhea Lead at 09:00 on 21 Nov 2026 since you read it: nothing was changed"},
		{"another lead changed it to what this one wants", "10", "8", "10", false,
			"caseload-cap was changed to 10 by Rhea Lead"},
		{"seen as the other lead left it", "12", "12", "9", true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			s := newStore(t)
			if c.before != "" {
				if _, err := s.SetSetting(ctx, "demo:Rhea Lead", at, "caseload-cap", c.before); err != nil {
					t.Fatal(err)
				}
			}
			audits := count(t, s, "audit")
			changed, err := s.SetSettingSeen(ctx, "os:lead", at.Add(time.Minute), "caseload-cap", c.seen, c.value)
			if changed != c.changed {
				t.Errorf("changed %v, want %v", changed, c.changed)
			}
			switch {
			case c.refusal == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.refusal != "" && (!errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), c.refusal)):
				t.Fatalf("error %v, want a conflict saying %q", err, c.refusal)
			}
			wantAudits := audits
			if c.changed {
				wantAudits++
			}
			if n := count(t, s, "audit"); n != wantAudits {
				t.Errorf("%d audit entries written, want %d", n-audits, wantAudits-audits)
			}
			mustVerify(t, s)
		})
	}
}
