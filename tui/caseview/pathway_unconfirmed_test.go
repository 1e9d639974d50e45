package caseview

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// The pathway tab says in words that a release date has passed with nothing recorded,
// and that no discharge is counted until it is.
func TestPathwayTabSaysReleaseNotConfirmed(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	passed := domain.ReleaseDate{Date: ident.MustDate(2026, 11, 10), Kind: domain.ReleaseCRD}
	if _, err := c.Store.ChangeRelease(context.Background(), "os:test", testNow, c.ID, passed, "Date as the prison gave it"); err != nil {
		t.Fatal(err)
	}
	d, _ := tuitest.Open(t, New(tuitest.Session(testNow, c.Clinician), c.Store, c.ID, TabPathway), 120, 40)
	screen := d.Screen()
	for _, want := range []string{
		"Release not confirmed: the date has passed and no release is recorded",
		"release was due Tuesday 10 November 2026: record the release or correct the date",
		"release not confirmed",
		"not counted until the release is recorded",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("no %q on the pathway tab:\n%s", want, screen)
		}
	}
}
