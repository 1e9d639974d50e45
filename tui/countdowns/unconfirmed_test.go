package countdowns

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// A release date that has passed with nothing recorded is said in words, with no bar
// counting months, and sorts first: it needs recording.
func TestReleaseNotConfirmedInWords(t *testing.T) {
	st := testdb.Demo(t, testNow)
	cds := onPathway(t, st)
	var c domain.Countdown
	for _, cd := range cds {
		if cd.Case.Release.Actual.IsZero() && cd.Case.Release.RecalledOn.IsZero() {
			c = cd
			break
		}
	}
	passed := domain.ReleaseDate{Date: ident.DateOf(testNow.In(clock.London())).AddDays(-14), Kind: c.Pathway.Anchor.Kind}
	if _, err := st.ChangeRelease(context.Background(), "os:test", testNow, c.Case.CaseID, passed, "Date as the prison gave it"); err != nil {
		t.Fatal(err)
	}
	d, _ := drive(t, st, testdb.Clinician(t, st, tom), 200, 30)
	rows := tuitest.Rows(d.Screen())
	if len(rows) == 0 || !strings.Contains(rows[0], c.Case.Person.Name()) ||
		!strings.Contains(rows[0], "release was due Tuesday 10 November 2026: record the release") ||
		!strings.Contains(rows[0], "release not confirmed") {
		t.Fatalf("first row %q, want %s's release not confirmed:\n%s", rows[0], c.Case.Person.Name(), d.Screen())
	}
}
