package domain

import (
	"errors"
	"strings"
	"testing"

	"caseload/internal/ident"
)

// Release, recall and re-release in their order (docs/RULES.md, "Release, recall and
// re-release"): each event against the facts already recorded.
func TestReleaseEventsOrder(t *testing.T) {
	d := ident.MustDate
	out := CaseRelease{Actual: d(2026, 10, 1)}
	recalled := CaseRelease{Actual: d(2026, 10, 1), RecalledOn: d(2026, 11, 1)}
	back := CaseRelease{Actual: d(2026, 10, 1), RecalledOn: d(2026, 11, 1), ReReleased: d(2026, 11, 20)}
	type event func(CaseRelease, ident.Date) (CaseRelease, ident.Date, error)
	release, recall, reRelease := CaseRelease.Release, CaseRelease.Recall, CaseRelease.ReRelease
	tests := []struct {
		name     string
		facts    CaseRelease
		event    event
		on       ident.Date
		prev     ident.Date
		conflict bool   // refused for what is recorded
		wrong    bool   // refused for the date
		words    string // in the refusal
	}{
		{"first release", CaseRelease{}, release, d(2026, 10, 1), ident.Date{}, false, false, ""},
		{"the same release again", out, release, d(2026, 10, 1), d(2026, 10, 1), false, false, ""},
		{"another release", out, release, d(2026, 10, 2), ident.Date{}, true, false, "is not replaced"},
		{"a release after a recall", recalled, release, d(2026, 12, 1), ident.Date{}, true, false, "record a re-release"},
		{"a recall with no release", CaseRelease{}, recall, d(2026, 11, 1), ident.Date{}, true, false, "record the release before a recall"},
		{"a recall before the release", out, recall, d(2026, 9, 30), ident.Date{}, false, true, "before the actual release"},
		{"a recall on the release day", out, recall, d(2026, 10, 1), ident.Date{}, false, false, ""},
		{"another recall", recalled, recall, d(2026, 11, 2), ident.Date{}, true, false, "is not replaced"},
		{"a recall after a re-release", back, recall, d(2026, 12, 1), ident.Date{}, true, false, "further recall"},
		{"a re-release with no recall", out, reRelease, d(2026, 11, 1), ident.Date{}, true, false, "follows a recall"},
		{"a re-release before the recall", recalled, reRelease, d(2026, 10, 31), ident.Date{}, false, true, "before the recall"},
		{"a re-release", recalled, reRelease, d(2026, 11, 20), ident.Date{}, false, false, ""},
		{"another re-release", back, reRelease, d(2026, 11, 21), ident.Date{}, true, false, "is not replaced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, prev, err := tt.event(tt.facts, tt.on)
			var oe *ReleaseOrderError
			switch {
			case tt.conflict || tt.wrong:
				if !errors.As(err, &oe) || !errors.Is(err, ErrReleaseOrder) || oe.Conflict != tt.conflict || !strings.Contains(err.Error(), tt.words) {
					t.Fatalf("err = %#v, want a refusal (conflict %v) saying %q", err, tt.conflict, tt.words)
				}
				if !sameEvents(got, tt.facts) {
					t.Errorf("a refused event changed the facts: %+v", got)
				}
			case err != nil:
				t.Fatal(err)
			case prev != tt.prev:
				t.Errorf("replaced %s, want %s", prev, tt.prev)
			case sameEvents(got, tt.facts) && prev != tt.on:
				t.Errorf("the event was not recorded: %+v", got)
			}
		})
	}
}

// sameEvents compares the recorded release, recall and re-release of a and b.
func sameEvents(a, b CaseRelease) bool {
	return a.Actual == b.Actual && a.RecalledOn == b.RecalledOn && a.ReReleased == b.ReReleased
}
