package measureform

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/common"
)

// beth is a colleague on c's database, in another session.
func beth(t *testing.T, c testdb.Case) domain.Clinician {
	t.Helper()
	b := domain.Clinician{Name: "Beth Armitage", Role: "nurse", Active: true, Access: domain.AccessClinician}
	var err error
	if b.ID, err = c.Store.AddClinician(context.Background(), "test", testNow.Add(-time.Hour), b); err != nil {
		t.Fatal(err)
	}
	return b
}

// core10 is a CORE-10 of ten answers at point on the case, as recorded by who.
func core10(t *testing.T, c testdb.Case, who domain.Clinician, point domain.TimePoint, answers ...int) domain.MeasureScore {
	t.Helper()
	got, err := testdb.Another(t, c.Store).RecordMeasure(context.Background(), who.ID, testNow,
		domain.MeasureScore{CaseID: c.ID, Measure: "core-10", Point: point, TakenOn: ident.DateOf(testNow), Answers: answers}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// A colleague records the CORE-10 at acceptance while the form is open: the save is
// refused naming who and when, and everything typed stays, scored as it was.
func TestSecondScoreAtAPointRefusedKeepingTheTyping(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, _ := drive(t, c, common.RecordMeasureMsg{Measure: "core-10", Point: domain.PointAcceptance}, 100, 30)
	d.Keys("enter enter enter")
	for _, v := range []string{"1", "1", "1", "1", "1", "1", "1", "1", "1"} {
		d.Type(v).Keys("enter")
	}
	d.Type("1")
	core10(t, c, beth(t, c), domain.PointAcceptance, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)
	d.Keys("enter y")
	s := flat(d.Screen())
	for _, want := range []string{"Not saved.", "CORE-10 at acceptance was recorded on this case by Beth Armitage on 24 Nov 2026 at 09:00",
		"Score 10 (0 to 40) · band low level · below the clinical range"} {
		if !strings.Contains(s, want) {
			t.Fatalf("the refusal does not say %q:\n%s", want, d.Screen())
		}
	}
	if got := scores(t, c); len(got) != 1 || got[0].RecordedBy == c.Clinician.ID {
		t.Fatalf("the second score was recorded: %+v", got)
	}
	// Nothing typed is lost: at release instead, the same answers are recorded.
	d.Keys(strings.Repeat("shift+tab ", 11))
	d.Keys("right enter enter")
	d.Keys("enter enter enter enter enter enter enter enter enter enter y")
	got := scores(t, c)
	if len(got) != 2 || got[1].Point != domain.PointRelease || got[1].Total() != 10 || got[1].RecordedBy != c.Clinician.ID {
		t.Fatalf("after choosing release: %+v\n%s", got, d.Screen())
	}
}

// A correction opens on the score it replaces, asks why, and records a new score that
// replaces it; the old one stays, marked replaced.
func TestCorrectionReplacesTheScore(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	old := core10(t, c, c.Clinician, domain.PointAcceptance, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3)
	d, h := drive(t, c, common.RecordMeasureMsg{Replaces: old}, 100, 30)
	if s := flat(d.Screen()); !strings.Contains(s, "Correcting the CORE-10 at acceptance of 24 Nov 2026: 30, severe") ||
		!strings.Contains(s, "Score 30 (0 to 40)") {
		t.Fatalf("the correction does not open on the score it replaces:\n%s", d.Screen())
	}
	d.Keys("enter")
	if !strings.Contains(d.Screen(), "say why the earlier score is corrected") {
		t.Fatalf("no reason asked:\n%s", d.Screen())
	}
	d.Type("Item 4 entered as 3; the form says 1.").Keys("enter enter enter")
	d.Keys("enter enter enter backspace").Type("1").Keys("enter enter enter enter enter enter enter")
	if s := flat(d.Screen()); !strings.Contains(s, "It replaces the score of 24 Nov 2026 (30, severe), which stays in the history, because: Item 4 entered as 3; the form says 1.") {
		t.Fatalf("the confirmation does not name what it replaces:\n%s", d.Screen())
	}
	d.Keys("y")
	got := scores(t, c)
	if len(got) != 2 || got[0].ReplacedBy != got[1].ID || got[1].Replaces != old.ID || got[1].Total() != 28 ||
		got[1].Why != "Item 4 entered as 3; the form says 1." {
		t.Fatalf("recorded %+v", got)
	}
	if msgs := told(h); len(msgs) != 2 {
		t.Errorf("told %v", msgs)
	}
}

// A measure entered as totals asks each scale's total; one out of range is refused
// under its field in the measure's words, and the optional subscale may stay blank.
func TestTotalsRefusedUnderTheField(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, _ := drive(t, c, common.RecordMeasureMsg{Measure: "honos-secure", Point: domain.PointAcceptance}, 100, 30)
	if s := flat(d.Screen()); !strings.Contains(s, "HoNOS-secure © Royal College of Psychiatrists") ||
		!strings.Contains(s, "Not scored yet: Give the clinical scale of HoNOS-secure.") {
		t.Fatalf("opening:\n%s", d.Screen())
	}
	d.Keys("enter enter enter").Type("49").Keys("enter")
	if s := flat(d.Screen()); !strings.Contains(s, "✗ the clinical scale of HoNOS-secure is a whole number from 0 to 48, not 49") {
		t.Fatalf("no refusal under the field:\n%s", d.Screen())
	}
	d.Keys("backspace").Type("1").Keys("enter")
	if s := flat(d.Screen()); !strings.Contains(s, "Score 41 (0 to 48)") {
		t.Fatalf("the live score:\n%s", d.Screen())
	}
	d.Keys("enter y")
	got := scores(t, c)
	if len(got) != 1 || got[0].Total() != 41 || got[0].Answers != nil {
		t.Fatalf("recorded %+v\n%s", got, d.Screen())
	}
	if _, ok := got[0].Result.Of("security"); ok {
		t.Error("a blank subscale was recorded")
	}
}
