package caseview

import (
	"context"
	"fmt"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
)

// later is when progress's case is looked at: seven months after it opened at testNow.
var later = time.Date(2027, 6, 24, 10, 0, 0, 0, time.UTC)

// progress is OneCase opened at testNow, the person released on 1 March 2027, with
// the case's outcomes: a CORE-10 at acceptance (22, moderate-to-severe), one at release
// (18) and one in May between time points that was corrected (14, then 13: reliably
// improved from 22, still in the clinical range); two WAI-SRs (no reliable change
// figure); the outcomes at acceptance; and an HCR-20 V3 judgement by the prison's
// psychologist whose review fell due on 1 June.
func progress(t testing.TB) testdb.Case {
	t.Helper()
	c := testdb.OneCase(t, testNow)
	ctx, st, me := context.Background(), c.Store, c.Clinician.ID
	day := func(y int, m time.Month, d int) ident.Date { return ident.MustDate(y, m, d) }
	at := func(d ident.Date) time.Time { return d.In(time.UTC).Add(15 * time.Hour) }
	record := func(m domain.MeasureScore) domain.MeasureScore {
		t.Helper()
		m.CaseID = c.ID
		got, err := st.RecordMeasure(ctx, me, at(m.TakenOn), m, nil)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	record(domain.MeasureScore{Measure: "core-10", Point: domain.PointAcceptance, TakenOn: day(2026, 11, 24), Answers: []int{3, 3, 2, 2, 2, 2, 2, 2, 2, 2}})
	record(domain.MeasureScore{Measure: "wai-sr", TakenOn: day(2027, 1, 14), Answers: []int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}})
	if err := st.RecordRelease(ctx, fmt.Sprintf("clinician:%d", me), at(day(2027, 3, 1)), c.ID, day(2027, 3, 1)); err != nil {
		t.Fatal(err)
	}
	record(domain.MeasureScore{Measure: "core-10", Point: domain.PointRelease, TakenOn: day(2027, 3, 2), Answers: []int{2, 2, 2, 2, 2, 2, 2, 2, 1, 1}})
	wrong := record(domain.MeasureScore{Measure: "core-10", TakenOn: day(2027, 5, 21), Answers: []int{2, 2, 2, 2, 1, 1, 1, 1, 1, 1}})
	record(domain.MeasureScore{Measure: "core-10", TakenOn: day(2027, 5, 21), Answers: []int{2, 2, 2, 1, 1, 1, 1, 1, 1, 1},
		Replaces: wrong.ID, Why: "Item 4 entered as 2; the form says 1."})
	record(domain.MeasureScore{Measure: "wai-sr", TakenOn: day(2027, 6, 6), Answers: []int{4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4}})
	if _, err := st.RecordTransitionOutcome(ctx, me, at(day(2026, 11, 25)), domain.TransitionOutcome{CaseID: c.ID,
		Point: domain.PointAcceptance, MAPPALevel: domain.MAPPALevel2, RoSH: domain.RoSHHigh}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordRiskJudgement(ctx, me, at(day(2026, 12, 6)), domain.RiskJudgement{CaseID: c.ID,
		CasePrioritisation: domain.RiskModerate, SeriousHarm: domain.RiskHigh, ImminentViolence: domain.RiskLow,
		AssessedOn: day(2026, 12, 1), Assessor: "Dr Priya Raman (HMP Preston)", ReviewOn: day(2027, 6, 1),
		Formulation: "Violence has followed heavy drinking and the loss of accommodation; both are addressed in the release plan."}); err != nil {
		t.Fatal(err)
	}
	return c
}
