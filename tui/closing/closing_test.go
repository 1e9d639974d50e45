package closing

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

var _ Source = (*store.Store)(nil)

// form opens the closing form of OneCase's case for its clinician.
func form(t testing.TB, w, h int) (testdb.Case, *Model, *tuitest.Driver, *tuitest.Host) {
	t.Helper()
	c := testdb.OneCase(t, testNow)
	com := tuitest.Session(testNow, c.Clinician)
	com.ArmAfter = 0 // the driver skips timers: the dialog arms at once
	m := New(com, c.Store, c.ID, c.Person, testNow.Add(-time.Hour))
	d, h2 := tuitest.Open(t, m, w, h)
	return c, m, d, h2
}

// writeAll chooses transferred, names the service and writes every part, from the
// reason field where the form opens.
func writeAll(d *tuitest.Driver) {
	d.Keys("right right right tab").Type("Forensic CMHT, Blackburn")
	for i, p := range domain.DischargeParts {
		d.Keys("tab").Type(p.Title + " written.")
		_ = i
	}
}

func TestClosingFormSignsAndClosesTheCase(t *testing.T) {
	c, _, d, h := form(t, 100, 30)
	writeAll(d)
	d.Keys("ctrl+g")
	if s := d.Screen(); !strings.Contains(s, "Sign the discharge summary and close the case of Aoife Brennan?") ||
		!strings.Contains(s, "transferred to another service (Forensic CMHT, Blackburn)") {
		t.Fatalf("no confirmation:\n%s", s)
	}
	d.Keys("y")
	ctx := context.Background()
	got, err := c.Store.DischargeSummaries(ctx, c.ID)
	if err != nil || len(got) != 1 || got[0].Closure.Reason != domain.ClosedTransferred ||
		got[0].Closure.On != ident.DateOf(testNow) || got[0].Part("told") != "Who was told written." {
		t.Fatalf("signed summaries %+v, %v", got, err)
	}
	h.WantTold(t, common.CaseChangedMsg{CaseID: c.ID}, common.BackMsg{})
}
