package releaseform

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

func TestReleaseFormGolden(t *testing.T) {
	st, c := openCase(t, domain.PhasePreRelease, func(c domain.CaseOnPathway) bool { return len(c.Release.History) > 0 })
	d, _ := drive(t, st, c, 80, 24)
	d.Keys("enter") // a release or sentence date changed
	screen := d.Screen()
	tuitest.AssertFitsAtMost(t, screen, 80, 24)
	golden.RequireEqual(t, screen)
}

// No line is ever wider than the screen. Where the intro and the form's message area
// alone are taller than a tiny screen, the root cuts the bottom off (as for every form),
// so the height is held from 80×24 up.
func TestFitsEverySize(t *testing.T) {
	st, c := openCase(t, domain.PhasePreRelease, func(c domain.CaseOnPathway) bool { return len(c.Release.History) > 0 })
	for _, keys := range []string{"", "enter", "down enter"} {
		for _, s := range []struct{ w, h int }{{20, 5}, {20, 24}, {40, 12}, {80, 24}, {200, 60}} {
			d, _ := drive(t, st, c, s.w, s.h)
			d.Keys(keys)
			h := s.h
			if h < 24 {
				h = 1000
			}
			tuitest.AssertFitsAtMost(t, d.Screen(), s.w, h)
		}
	}
}

// A change of the expected release date needs its reason: without one it is refused
// with nothing typed lost; with it, the change is kept with who made it and why.
func TestChangeNeedsItsReason(t *testing.T) {
	st, c := openCase(t, domain.PhasePreRelease)
	d, h := drive(t, st, c, 80, 24)
	k := startingKind(c.Release, ident.DateOf(testNow.In(clock.London())))
	d.Keys("enter enter")                          // a date changed: the one that is the release
	d.Type("01/03/2027").Keys("enter enter enter") // 1 March 2027, confirmed as held, no reason
	screen := d.Screen()
	if !strings.Contains(screen, "say why the release date changed") || !strings.Contains(screen, "01/03/2027") {
		t.Fatalf("a change with no reason was not refused with the date kept:\n%s", screen)
	}
	if told(h) != nil || len(h.Sent) != 0 {
		t.Fatalf("a change with no reason was saved: %v %v", told(h), h.Sent)
	}
	d.Type("Parole refused; date recalculated by the OMU.").Keys("enter")
	if !saved(h) {
		t.Fatalf("not saved (told %v, sent %v):\n%s", told(h), h.Sent, d.Screen())
	}
	if told(h)[0] != (common.CaseChangedMsg{CaseID: c.CaseID}) || !strings.HasPrefix(told(h)[1].(common.InfoMsg).Text, "Sentence date recorded: 1 Mar 2027") {
		t.Errorf("told %v", told(h))
	}
	ctx := context.Background()
	r, err := st.CaseRelease(ctx, c.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	want := domain.ReleaseDate{Date: ident.MustDate(2027, 3, 1), Kind: k, Confirmed: c.Release.Dates.Of(k).Confirmed}
	if got := r.Dates.Of(k); got != want {
		t.Errorf("%s %+v, want %+v", k, got, want)
	}
	last := r.History[len(r.History)-1]
	if last.Reason != "Parole refused; date recalculated by the OMU." || last.By != "clinician:"+itoa(testdbID(t, st)) ||
		last.From != c.Release.Dates.Of(k) || !last.At.Equal(testNow) {
		t.Errorf("last change %+v", last)
	}
	entries, err := st.AuditEntries(ctx, "case", c.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(entries); n == 0 || entries[n-1].Action != "release.changed" || entries[n-1].Actor != last.By {
		t.Errorf("audit ends %+v, want release.changed by %s", entries[n-1], last.By)
	}
}

// Submitting the date as it already is changes nothing, and says so.
func TestNothingToChange(t *testing.T) {
	st, c := openCase(t, domain.PhasePreRelease)
	d, h := drive(t, st, c, 80, 24)
	d.Keys("enter enter enter enter").Type("checked with NOMIS").Keys("enter")
	if !strings.Contains(d.Screen(), "nothing to change") || len(told(h)) != 0 {
		t.Fatalf("an unchanged date was not refused:\n%s", d.Screen())
	}
}

func TestRecordActualRelease(t *testing.T) {
	st, c := openCase(t, domain.PhasePreRelease)
	d, h := drive(t, st, c, 80, 24)
	d.Keys("down enter") // released
	if !strings.Contains(d.Screen(), "Day of release") || !strings.Contains(d.Screen(), "2026-11-24") {
		t.Fatalf("the day of release does not default to today:\n%s", d.Screen())
	}
	clear(d)
	d.Type("23/11/2026").Keys("enter")
	if !saved(h) {
		t.Fatalf("not saved (told %v, sent %v):\n%s", told(h), h.Sent, d.Screen())
	}
	if want := (common.InfoMsg{Text: "Release on 23 Nov 2026 recorded."}); told(h)[1] != want {
		t.Errorf("told %v, want %v", told(h)[1], want)
	}
	r, err := st.CaseRelease(context.Background(), c.CaseID)
	if err != nil || r.Actual != ident.MustDate(2026, 11, 23) {
		t.Fatalf("actual release %v (%v), want 2026-11-23", r.Actual, err)
	}
}

// The store's refusal is shown above the form, what was typed is still there, and the
// form stays on the question it was submitted from rather than jumping back to its
// first (finding 12).
func TestRefusalKeepsTheTyping(t *testing.T) {
	st, c := openCase(t, domain.PhasePostRelease)
	d, h := drive(t, st, c, 80, 24)
	d.Keys("down down enter") // recalled
	before := c.Release.Actual.AddDays(-1).String()
	clear(d)
	d.Type(before).Keys("enter").Type("Breach of licence conditions.").Keys("enter left enter")
	screen := d.Screen()
	if !strings.Contains(screen, "Not saved") || !strings.Contains(screen, "is before the actual release on") {
		t.Fatalf("a recall before the release was not refused:\n%s", screen)
	}
	if len(told(h)) != 0 || len(h.Sent) != 0 {
		t.Fatalf("refused, yet told %v, sent %v", told(h), h.Sent)
	}
	if strings.Contains(screen, "What has happened?") || !strings.Contains(screen, "Record this recall") {
		t.Errorf("the form did not stay on its last question:\n%s", screen)
	}
	if !strings.Contains(d.Keys("shift+tab shift+tab").Screen(), before) {
		t.Fatalf("the typed recall date was lost:\n%s", d.Screen())
	}
	// Put right where the person is, and recorded.
	clear(d)
	d.Type(c.Release.Actual.String()).Keys("enter enter left enter")
	if !saved(h) {
		t.Fatalf("not saved once put right (told %v):\n%s", told(h), d.Screen())
	}
}

// "As held" keeps a date confirmed only on its own day: the prison confirmed the old
// day, not the new one.
func TestNewDayIsNotConfirmedAsHeld(t *testing.T) {
	st, c := openCase(t, domain.PhasePreRelease, func(c domain.CaseOnPathway) bool { return len(c.Release.History) > 0 })
	k := startingKind(c.Release, ident.DateOf(testNow.In(clock.London())))
	if !c.Release.Dates.Of(k).Confirmed {
		t.Fatalf("the case's %s is not confirmed: %+v", k, c.Release.Dates)
	}
	d, h := drive(t, st, c, 80, 24)
	d.Keys("enter enter").Type("22/12/2026").Keys("enter enter").Type("HDC date moved by the governor.").Keys("enter")
	if !saved(h) {
		t.Fatalf("not saved:\n%s", d.Screen())
	}
	r, err := st.CaseRelease(context.Background(), c.CaseID)
	if want := (domain.ReleaseDate{Date: ident.MustDate(2026, 12, 22), Kind: k}); err != nil || r.Dates.Of(k) != want {
		t.Errorf("%s %+v (%v), want %+v", k, r.Dates.Of(k), err, want)
	}
}
