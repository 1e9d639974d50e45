package demo

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
)

// The demo shows every phase of the pathway and every kind of forum and meeting, at
// any time it is made (docs/RULES.md, "The six-month window and the pathway" and "Risk forums").
func TestDemoShowsEveryPhaseAndForum(t *testing.T) {
	for _, at := range []time.Time{now, time.Date(2027, 7, 15, 12, 0, 0, 0, time.UTC), time.Date(2028, 3, 1, 9, 0, 0, 0, time.UTC)} {
		t.Run(at.Format(time.RFC3339), func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Create(ctx, filepath.Join(t.TempDir(), "caseload.db"), at)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, err := Populate(ctx, st, "os:test", at); err != nil {
				t.Fatal(err)
			}
			today := ident.DateOf(at.In(clock.London()))
			cases, err := st.CasesOnPathway(ctx)
			if err != nil {
				t.Fatal(err)
			}
			phases := map[domain.Phase]int{}
			was := false
			for _, c := range domain.Countdowns(cases, today) {
				phases[c.Pathway.Phase]++
				was = was || containsWas(c.Pathway.Countdown)
			}
			for _, p := range []domain.Phase{domain.PhaseReleaseUnknown, domain.PhaseBeforeWindow, domain.PhasePreRelease,
				domain.PhasePostRelease, domain.PhaseDischargeDue, domain.PhaseDischargeOverdue, domain.PhaseRecalled} {
				if phases[p] == 0 {
					t.Errorf("no case is %s; phases: %v", p, phases)
				}
			}
			if !was {
				t.Error(`no countdown shows a changed date ("was ...")`)
			}
			forums := map[domain.Forum]bool{}
			kinds := map[domain.MeetingKind]bool{}
			for _, c := range cases {
				f, err := st.CaseForums(ctx, c.CaseID)
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range f.Involvements {
					forums[v.Forum] = true
				}
				for _, m := range f.Meetings {
					kinds[m.Kind] = true
				}
			}
			for _, f := range domain.Forums {
				if !forums[f] {
					t.Errorf("no case is involved with %s", f.Label())
				}
			}
			for _, k := range domain.MeetingKinds {
				if !kinds[k] {
					t.Errorf("no %s meeting", k.Label())
				}
			}
			upcoming, err := st.ForumMeetingsBetween(ctx, today, today.AddDays(27))
			if err != nil || len(upcoming) < 4 {
				t.Errorf("%d meetings in the next four weeks (%v), want at least 4", len(upcoming), err)
			}
			if err := st.Verify(ctx); err != nil {
				t.Fatalf("verify: %v", err)
			}
		})
	}
}

func containsWas(s string) bool { return strings.Contains(s, "(was ") }
