package caseview

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

func openOutcomes(t *testing.T, c testdb.Case, now time.Time, w, h int) (*Model, *tuitest.Driver, *tuitest.Host) {
	t.Helper()
	m := New(tuitest.Session(now, c.Clinician), c.Store, c.ID, TabSummary)
	d, hst := tuitest.Open(t, m, w, h)
	d.Keys("8")
	return m, d, hst
}

// On the Outcomes tab, the cursor moves over the scores and f corrects the one under
// it; t records a measure, g the transition outcomes at the first point with none, v
// an HCR-20 judgement from the latest; each is asked of the root.
func TestOutcomesKeysOpenTheForms(t *testing.T) {
	c := progress(t)
	m, d, h := openOutcomes(t, c, later, 160, 50)
	scores := m.rec.outcomes.selectable()
	if len(scores) != 5 {
		t.Fatalf("%d standing scores, want 5 (3 CORE-10, 2 WAI-SR)", len(scores))
	}
	d.Keys("j")
	got, ok := h.Sends(t, "f").(common.RecordMeasureMsg)
	if !ok || got.Replaces.ID != scores[1].ID || got.Measure != "core-10" || got.Point != domain.PointRelease || got.Person != c.Person {
		t.Errorf("f on the second score asks %#v", got)
	}
	if got, _ := h.Sends(t, "t").(common.RecordMeasureMsg); got.Measure != "core-10" || got.Point != "" || got.Replaces.ID != 0 {
		t.Errorf("t with nothing due asks %#v", got)
	}
	if got, _ := h.Sends(t, "g").(common.RecordTransitionOutcomeMsg); got.Point != domain.PointRelease || len(got.Standing) != 1 {
		t.Errorf("g asks %#v", got)
	}
	if got, _ := h.Sends(t, "v").(common.RecordRiskJudgementMsg); got.Latest.Assessor != "Dr Priya Raman (HMP Preston)" {
		t.Errorf("v asks %#v", got)
	}
	help := ""
	for _, b := range m.ShortHelp() {
		help += b.Help().Key + " " + b.Help().Desc + "; "
	}
	for _, want := range []string{"t take a measure", "f correct this score", "g transition outcomes", "v HCR-20 judgement"} {
		if !strings.Contains(help, want) {
			t.Errorf("the help does not name %q: %s", want, help)
		}
	}
}

// At 80×24 the tab does not fit: j moves the cursor down the scores, then past the
// last one scrolls to the judgement; k comes back up.
func TestOutcomesScrollPastTheScores(t *testing.T) {
	c := progress(t)
	m, d, _ := openOutcomes(t, c, later, 80, 24)
	d.Keys("j j")
	if !strings.Contains(d.Screen(), "▸ 21 May 2027") {
		t.Fatalf("the cursor is not on the third score:\n%s", d.Screen())
	}
	d.Keys(strings.Repeat("j ", 60))
	if s := d.Screen(); !strings.Contains(s, "review was due 1 Jun 2027: overdue by 23 days") {
		t.Fatalf("j past the scores does not reach the judgement:\n%s", s)
	}
	if m.cursor != 4 {
		t.Errorf("the cursor left the last score: %d", m.cursor)
	}
	d.Keys(strings.Repeat("k ", 80))
	if s := d.Screen(); !strings.Contains(s, "Measures") || m.cursor != 0 || m.offset != 0 {
		t.Fatalf("k does not come back to the top (cursor %d, offset %d):\n%s", m.cursor, m.offset, s)
	}
}

// A measure due on the case is said at the top of the tab, and t opens it at its
// point; the tab opens from Today by name.
func TestOutcomesSayWhatIsDue(t *testing.T) {
	c := progress(t)
	due := time.Date(2027, 8, 20, 9, 0, 0, 0, time.UTC)
	m := New(tuitest.Session(due, c.Clinician), c.Store, c.ID, "outcomes")
	d, h := tuitest.Open(t, m, 100, 30)
	if s := d.Screen(); !strings.Contains(s, "Due: CORE-10 6 months after release, on 1 Sep 2027 (t records it)") ||
		!strings.Contains(s, "Due: WAI-SR 6 months after release, on 1 Sep 2027") {
		t.Fatalf("what is due is not said:\n%s", s)
	}
	if got, _ := h.Sends(t, "t").(common.RecordMeasureMsg); got.Measure != "core-10" || got.Point != domain.PointSixMonths {
		t.Errorf("t asks %#v", got)
	}
}

// A correction recorded in another session while the cursor is on the score it
// replaces, dated earlier so that it moves up the list: the tab reloads, and the
// cursor is on the correction.
func TestOutcomesReloadFollowsTheCorrection(t *testing.T) {
	c := progress(t)
	m, d, _ := openOutcomes(t, c, later, 160, 50)
	d.Keys("j j")
	old := m.rec.outcomes.selectable()[2]
	if _, err := testdb.Another(t, c.Store).RecordMeasure(context.Background(), c.Clinician.ID, later, domain.MeasureScore{
		CaseID: c.ID, Measure: "core-10", TakenOn: ident.MustDate(2027, 2, 28),
		Answers: []int{2, 2, 2, 1, 1, 1, 1, 1, 1, 1}, Replaces: old.ID, Why: "Taken on 28 February, not in May."}, nil); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	s := d.Screen()
	if !strings.Contains(s, "▸ 28 Feb 2027  between time points    13") || !strings.Contains(s, "Taken on 28 February, not in May.") {
		t.Fatalf("the cursor is not on the correction:\n%s", s)
	}
}

// Scores taken the same day are listed in the order of their time points, so the
// correction of the first keeps its place and stays the baseline of the change.
func TestOutcomesSameDayInTheOrderOfTheirPoints(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	ctx, day := context.Background(), ident.DateOf(testNow)
	record := func(m domain.MeasureScore) domain.MeasureScore {
		t.Helper()
		m.CaseID, m.Measure, m.TakenOn = c.ID, "core-10", day
		got, err := c.Store.RecordMeasure(ctx, c.Clinician.ID, testNow, m, nil)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	first := record(domain.MeasureScore{Point: domain.PointAcceptance, Answers: []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}})
	record(domain.MeasureScore{Point: domain.PointRelease, Answers: []int{2, 2, 2, 2, 2, 2, 2, 2, 2, 2}})
	record(domain.MeasureScore{Point: domain.PointAcceptance, Answers: []int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
		Replaces: first.ID, Why: "Every item was entered one lower."})
	_, d, _ := openOutcomes(t, c, testNow, 160, 50)
	s := d.Screen()
	if !strings.Contains(s, "reliably improved: 30 to 20") {
		t.Fatalf("the corrected first score is not the baseline:\n%s", s)
	}
}

// A closed case takes its discharge measures only: t opens the form at discharge, and
// no measure is said to be due.
func TestOutcomesOfAClosedCase(t *testing.T) {
	e := endedCase(t)
	_, d, h := e.view(t, e.beth, TabOutcomes, 100, 30)
	if s := d.Screen(); strings.Contains(s, "Due:") || !strings.Contains(s, "CLOSED on") {
		t.Fatalf("the closed case's outcomes:\n%s", s)
	}
	if got, _ := h.Sends(t, "t").(common.RecordMeasureMsg); got.Point != domain.PointDischarge {
		t.Errorf("t on a closed case asks %#v", got)
	}
}
