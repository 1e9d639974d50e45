package caseview

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

// The pathway tab lists every sentence date under its kind, says which is the release,
// marks the ones that never are, and says when a person whose CRD falls on a day
// prisons do not release on is likely out (docs/RULES.md, "Sentence dates" and "The day
// a person walks out").
func TestPathwayTabListsSentenceDates(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	for i, d := range []domain.ReleaseDate{
		{Date: ident.MustDate(2028, 6, 1), Kind: domain.ReleaseLED, Confirmed: true},
		{Date: ident.MustDate(2027, 3, 6), Kind: domain.ReleasePED},  // a Saturday, but a parole release is not moved
		{Date: ident.MustDate(2027, 9, 11), Kind: domain.ReleaseCRD}, // a Saturday: likely out on the Thursday
		{Date: ident.MustDate(2029, 6, 1), Kind: domain.ReleaseSED},
	} {
		if _, err := c.Store.ChangeRelease(context.Background(), "os:test", testNow.Add(time.Duration(i)*time.Minute), c.ID, d, "From NOMIS"); err != nil {
			t.Fatal(err)
		}
	}
	d, _ := tuitest.Open(t, New(tuitest.Session(testNow, c.Clinician), c.Store, c.ID, TabPathway), 120, 40)
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	for _, want := range []string{
		"Release Saturday 6 March 2027 (PED): the earliest possible, parole decision pending",
		"CRD Saturday 11 September 2027",
		"likely out Thursday 9 September 2027 (CRD falls on a Saturday)",
		"PED Saturday 6 March 2027",
		"SED Friday 1 June 2029: not a release date",
		"LED Thursday 1 June 2028 (confirmed): not a release date",
		"earliest possible release in 102 days",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("no %q on the pathway tab:\n%s", want, d.Screen())
		}
	}
	if strings.Contains(flat, "likely out Friday 5 March") {
		t.Errorf("a PED was moved:\n%s", d.Screen())
	}
}
