package caseview

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// outcomeAction takes the Outcomes tab's keys: t records a measure (the first one due,
// when one is; at discharge on a closed case), f corrects the score under the cursor, g records the transition
// outcomes, v an HCR-20 V3 summary judgement. Each asks the root to open its form.
func (m *Model) outcomeAction(msg tea.KeyPressMsg) tea.Cmd {
	k, o := m.keys, m.rec.outcomes
	person := m.rec.summary.Referral.Person.Name()
	switch {
	case key.Matches(msg, k.Measure):
		open := common.RecordMeasureMsg{CaseID: m.caseID, Person: person, Measure: "core-10", Wordings: o.wordings}
		switch due := m.due(); {
		case m.closed(): // a closed case takes its discharge measures only
			open.Point = domain.PointDischarge
		case len(due) > 0:
			open.Measure, open.Point = due[0].Measure.ID, due[0].Point
		}
		return common.Cmd(open)
	case key.Matches(msg, k.Correct):
		sc := o.selectable()
		if m.cursor >= len(sc) {
			return common.Cmd(common.InfoMsg{Text: "There is no score to correct: t records a measure."})
		}
		s := sc[m.cursor]
		return common.Cmd(common.RecordMeasureMsg{CaseID: m.caseID, Person: person, Measure: s.Measure, Point: s.Point,
			Replaces: s, Wordings: o.wordings})
	case key.Matches(msg, k.Transition):
		return common.Cmd(common.RecordTransitionOutcomeMsg{CaseID: m.caseID, Person: person, Point: m.outcomePoint(),
			Standing: o.transitions})
	case key.Matches(msg, k.Judgement):
		j, _ := o.latestJudgement()
		return common.Cmd(common.RecordRiskJudgementMsg{CaseID: m.caseID, Person: person, Latest: j})
	}
	return nil
}

// outcomePoint is the point the transition form opens at: discharge on a closed case,
// else the first point with nothing recorded (discharge when all are).
func (m *Model) outcomePoint() domain.TimePoint {
	if m.closed() {
		return domain.PointDischarge
	}
	by := domain.StandingOutcomes(m.rec.outcomes.transitions)
	for _, p := range domain.OutcomePoints {
		if _, ok := by[p]; !ok {
			return p
		}
	}
	return domain.PointDischarge
}

// moveOutcomes moves the cursor over the scores, keeping the one under it on screen;
// past the first or the last score the tab scrolls, to the transition outcomes and the
// judgement below them.
func (m *Model) moveOutcomes(n int) {
	lines, at := m.outcomeLines()
	h := max(m.height-2, 1)
	if m.banner() != "" {
		h = max(h-1, 1)
	}
	scroll := func() { m.offset = min(max(m.offset+n, 0), max(len(lines)-h, 0)) }
	switch {
	case len(at) == 0:
		scroll()
		return
	case n > 0 && m.cursor >= len(at)-1, n < 0 && m.cursor <= 0:
		m.cursor = min(max(m.cursor, 0), len(at)-1)
		scroll()
		return
	}
	m.cursor = min(max(m.cursor+n, 0), len(at)-1)
	if line := at[m.cursor]; line >= m.offset+h {
		m.offset = line - h + 1
	} else if line < m.offset {
		m.offset = line
	}
}

// scoreAfterReload is where the cursor goes after a reload: on the score it was on, or
// on the correction that replaced it since, else where it was.
func (m *Model) scoreAfterReload(id int64) int {
	sc := m.rec.outcomes.selectable()
	for _, s := range m.rec.outcomes.scores {
		if s.Replaces == id {
			id = s.ID
		}
	}
	if i := slices.IndexFunc(sc, func(s domain.MeasureScore) bool { return s.ID == id }); i >= 0 {
		return i
	}
	return min(m.cursor, max(len(sc)-1, 0))
}
