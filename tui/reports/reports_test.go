package reports

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/report"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// The lead's report of the demo on testNow, at the two sizes the issue names.
func TestGoldenReports(t *testing.T) {
	st, me := demo(t, amara)
	tuitest.Golden(t, tuitest.AssertFitsAtMost, newScreen(st, me), []tuitest.Size{{80, 24}, {160, 50}})
}

// Further down the page at 80x24: the 48-hour screening's month-by-month chart and
// table, and the foot of the report with the by-clinician part.
func TestGoldenReportsScrolled(t *testing.T) {
	st, me := demo(t, amara)
	for name, keys := range map[string]string{"screening": "pgdown pgdown", "foot": "G"} {
		t.Run(name, func(t *testing.T) {
			d, _ := tuitest.Open(t, newScreen(st, me)(), 80, 24)
			d.Keys(keys)
			tuitest.AssertFitsAtMost(t, d.Screen(), 80, 24)
			golden.RequireEqual(t, d.Screen())
		})
	}
}

// Under NO_COLOR the terminal draws no colour at all (the Ascii profile keeps bold,
// underline and reverse): the golden keeps the escapes, written out, so it shows the
// charts' meaning stands in the runes and numbers with no colour left.
func TestGoldenReportsNoColour(t *testing.T) {
	st, me := demo(t, amara)
	for _, size := range []tuitest.Size{{80, 24}, {160, 50}} {
		t.Run(tuitest.SizeName(size[0], size[1]), func(t *testing.T) {
			d, _ := tuitest.Open(t, newScreen(st, me)(), size[0], size[1])
			var out bytes.Buffer
			w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.Ascii}
			if _, err := w.WriteString(d.Model.View().Content); err != nil {
				t.Fatal(err)
			}
			if s := out.String(); strings.Contains(s, "\x1b[38;") || strings.Contains(s, "\x1b[48;") || strings.Contains(s, "\x1b[3") {
				t.Errorf("colour left under NO_COLOR: %q", s)
			}
			golden.RequireEqual(t, escaped(out.String()))
		})
	}
}

// escaped writes each line's escapes out, as Go strings do, so the golden file reads.
func escaped(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		q := strconv.Quote(l)
		lines[i] = q[1 : len(q)-1]
	}
	return strings.Join(lines, "\n")
}

// At every size from the smallest window the app draws to a wide one, scrolled
// anywhere and on any period, every frame fits.
func TestEveryFrameFits(t *testing.T) {
	st, me := demo(t, amara)
	paths := map[string]string{
		"first":    "",
		"down":     "j j j",
		"pages":    "pgdown pgdown pgdown pgup",
		"bottom":   "G",
		"back up":  "G g",
		"earlier":  "[ [",
		"month":    "m j",
		"quarter":  "3 G",
		"all":      "a pgdown",
		"too far":  "G j j j pgdown",
		"too high": "k pgup",
	}
	sizes := []tuitest.Size{{40, 8}, {60, 15}, {80, 24}, {100, 30}, {120, 40}, {160, 50}, {220, 60}}
	tuitest.EverySize(t, paths, sizes, newScreen(st, me), tuitest.AssertFitsAtMost)
}

// The period keys: 12 months to today first; [ a year earlier, ] back, and never past
// today; m, 3, y the latest month, quarter and year; a since the first referral.
func TestPeriodKeys(t *testing.T) {
	st, me := demo(t, amara)
	d, _ := tuitest.Open(t, newScreen(st, me)(), 100, 30)
	for _, tc := range []struct{ keys, want string }{
		{"", "1 Jan 2026 to 3 Dec 2026, the last 12 months"},
		{"[", "1 Jan 2025 to 31 Dec 2025, 12 months"},
		{"]", "1 Jan 2026 to 3 Dec 2026, the last 12 months"},
		{"]", "1 Jan 2026 to 3 Dec 2026, the last 12 months"},
		{"m", "1 Dec 2026 to 3 Dec 2026, this month"},
		{"[", "1 Nov 2026 to 30 Nov 2026, one month"},
		{"3", "1 Oct 2026 to 3 Dec 2026, the last 3 months"},
		{"a", "since the first referral"},
		{"y", "1 Jan 2026 to 3 Dec 2026, the last 12 months"},
	} {
		d.Keys(tc.keys)
		if head := strings.Split(d.Screen(), "\n")[0]; !strings.Contains(head, tc.want) || strings.Contains(head, "working") {
			t.Errorf("after %q the period reads %q, want %q", tc.keys, head, tc.want)
		}
	}
}

// Since the first referral starts on the day the demo's first referral came in, and the
// figures are the whole history's: at least as many referrals as the last 12 months.
func TestSinceTheFirstReferral(t *testing.T) {
	st, me := demo(t, amara)
	facts, err := st.ReportFacts(context.Background(), beforeAnything, ident.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	first := firstReceived(facts, tuitest.Session(testNow, me).London, ident.DateOf(testNow))
	d, _ := tuitest.Open(t, newScreen(st, me)(), 100, 30)
	d.Keys("a")
	if head := strings.Split(d.Screen(), "\n")[0]; !strings.HasPrefix(head, first.Medium()+" to 3 Dec 2026, since the first referral") {
		t.Errorf("the period reads %q, want it from %s", head, first.Medium())
	}
	if !strings.Contains(d.Screen(), "Referrals received: "+strconv.Itoa(len(facts.Referrals))) {
		t.Errorf("not every referral is counted (%d):\n%s", len(facts.Referrals), d.Screen())
	}
}

// Only a lead sees each clinician's share; a clinician's report stops at the outcomes.
func TestByClinicianIsALeads(t *testing.T) {
	for name, lead := range map[string]bool{amara: true, tom: false} {
		st, me := demo(t, name)
		d, _ := tuitest.Open(t, newScreen(st, me)(), 100, 30)
		d.Keys("G")
		s := d.Screen()
		if got := strings.Contains(s, "By clinician"); got != lead {
			t.Errorf("%s sees the by-clinician part: %v\n%s", name, got, s)
		}
		if !strings.Contains(s, "Registered with a GP") && !strings.Contains(s, "Outcomes") && !lead {
			t.Errorf("%s's report does not end with the outcomes:\n%s", name, s)
		}
	}
}

// failing is a source that cannot read.
type failing struct{}

func (failing) ReportFacts(context.Context, ident.Date, ident.Date) (report.Facts, error) {
	return report.Facts{}, errors.New("the database is locked: try again in a moment")
}

// A load that fails says so on the screen and tells the root why, for the status line.
func TestFailedLoadIsSaid(t *testing.T) {
	me := domain.Clinician{ID: 1, Name: tom, Access: domain.AccessClinician}
	d, h := tuitest.Open(t, New(tuitest.Session(testNow, me), failing{}), 80, 24)
	if !strings.Contains(d.Screen(), "could not be read") {
		t.Errorf("the failure is not said:\n%s", d.Screen())
	}
	if len(h.Sent) != 1 {
		t.Fatalf("the root was told %v", h.Sent)
	}
	if e, ok := h.Sent[0].(common.ErrorMsg); !ok || !strings.Contains(e.Err.Error(), "locked") {
		t.Errorf("the root was told %#v", h.Sent[0])
	}
}

// An answer for a period since left is dropped: keys pressed faster than the figures
// come never leave an older period's figures under a newer period's heading.
func TestStaleAnswerIsDropped(t *testing.T) {
	st, me := demo(t, amara)
	m := New(tuitest.Session(testNow, me), st)
	m.SetSize(80, 24)
	older := m.load()
	m.period, _ = m.period.step(-1, ident.DateOf(testNow))
	newer := m.load()
	m.Update(older())
	if m.loaded {
		t.Fatal("the older period's answer landed")
	}
	m.Update(newer())
	if !m.loaded || m.report.Period.From != ident.MustDate(2025, 1, 1) {
		t.Errorf("the newer answer did not land: %+v", m.report.Period)
	}
}

// A change while the figures load asks for one more load when they land, never a pile.
func TestChangeWhileLoadingLoadsOnceMore(t *testing.T) {
	st, me := demo(t, amara)
	m := New(tuitest.Session(testNow, me), st)
	m.SetSize(80, 24)
	first := m.load()
	if _, cmd := m.Update(common.DataChangedMsg{}); cmd != nil {
		t.Fatal("a second load started beside the first")
	}
	m.Update(common.ReferralChangedMsg{})
	_, again := m.Update(first())
	if again == nil || !m.loaded {
		t.Fatal("the change while loading asked for no further load")
	}
	if _, more := m.Update(again()); more != nil || m.loading {
		t.Error("more than one further load")
	}
}

// At London midnight a period that ended today moves on to the new today; one stepped
// back stays where it was.
func TestNewDayMovesThePeriod(t *testing.T) {
	st, me := demo(t, amara)
	tomorrow := testNow.Add(7 * time.Hour) // 01:00 on Friday 4 December
	head := func(d *tuitest.Driver) string { return strings.Split(d.Screen(), "\n")[0] }
	d, _ := tuitest.Open(t, newScreen(st, me)(), 100, 30)
	d.Send(common.TickMsg{Now: testNow.Add(time.Hour)})
	if h := head(d); !strings.HasPrefix(h, "1 Jan 2026 to 3 Dec 2026, the last 12 months") {
		t.Errorf("before midnight: %q", h)
	}
	d.Send(common.TickMsg{Now: tomorrow})
	if h := head(d); !strings.HasPrefix(h, "1 Jan 2026 to 4 Dec 2026, the last 12 months") {
		t.Errorf("after midnight: %q", h)
	}
	back, _ := tuitest.Open(t, newScreen(st, me)(), 100, 30)
	back.Keys("[")
	back.Send(common.TickMsg{Now: tomorrow})
	if h := head(back); !strings.HasPrefix(h, "1 Jan 2025 to 31 Dec 2025, 12 months") {
		t.Errorf("a stepped period moved: %q", h)
	}
}
