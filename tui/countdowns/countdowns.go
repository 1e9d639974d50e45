// Package countdowns is the release countdowns of every open case: where each stands on
// its 18-month pathway (six months of engagement in custody, twelve of support after
// release), the words of its countdown and a picture of it, soonest milestone first;
// all the team's cases or only the reader's own, filtered by name as you type.
package countdowns

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/list"
	"caseload/tui/component/listscreen"
)

// Source is what the countdowns need from the store.
type Source interface {
	// CasesOnPathway returns every open case with its release facts and their history.
	CasesOnPathway(ctx context.Context) ([]domain.CaseOnPathway, error)
}

// loadedMsg is every open case and its countdown on the London day the load ran.
type loadedMsg struct {
	cases []domain.CaseOnPathway
	today ident.Date
	err   error
}

// Model is the countdowns screen.
type Model struct {
	com  common.Common
	src  Source
	keys KeyMap
	list *listscreen.Model[row] // in countdown order: the next milestone first

	loaded bool
	cases  []domain.CaseOnPathway // as loaded, kept to work the countdowns out again tomorrow
	today  ident.Date             // the London day the countdowns are worked out for
	height int
	mine   bool
	yours  int        // cases allocated to me, counted when they load
	loads  list.Loads // one load at a time, however often the data changes
}

// New builds the screen. It loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	m := &Model{com: com, src: src, keys: DefaultKeyMap()}
	m.list = listscreen.New(listscreen.Spec[row]{
		Title:    "Release countdowns",
		Columns:  list.Spec{Name: list.Column{ID: colName, Heading: "Person"}},
		Layout:   m.layout,
		Cell:     m.cell,
		ID:       func(r *row) int64 { return r.caseID },
		Haystack: func(r *row) string { return r.haystack },
		Keep:     func(r *row) bool { return !m.mine || r.clinicianID == m.com.Me.ID },
		Open: func(r *row) tea.Cmd {
			return common.Cmd(common.OpenCaseMsg{CaseID: r.caseID, Tab: "pathway"})
		},
		Empty: func(loaded bool, rows int, query string) string {
			return empty.Note(loaded, rows, 0, query)
		},
		Count: func() string {
			return domain.Count(len(m.list.Shown()), "open case", "open cases") + ", soonest milestone first"
		},
		Placeholder: "name",
	})
	m.list.Nav, m.list.Keys = m.keys.Nav, m.keys.KeyMap
	return m
}

// Init loads the cases.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Release countdowns" }

// Capturing is true while the filter is being typed.
func (m *Model) Capturing() bool { return m.list.Capturing() }

// SetSize lays the columns out for a new size and redraws the bars to the new width.
func (m *Model) SetSize(w, h int) {
	m.height = h
	m.list.Frame(1, m.footLines(columnWidth(layout(w, m.mine), colBar)))
	m.list.SetSize(w, h)
}

// layout chooses the columns (listscreen.Spec.Layout) and draws every row's bar to its
// width: bars are drawn here and when the data or the day changes, never while drawing
// the screen.
func (m *Model) layout(width int, _ list.Spec) []list.Column {
	cols := layout(width, m.mine)
	drawBars(m.list.Rows(), m.today, columnWidth(cols, colBar))
	return cols
}

// footLines is how many lines the legend of the bar takes at the foot: one from
// legendRoom lines when the bar shows, none below.
func (m *Model) footLines(bar int) int {
	if m.height >= legendRoom && bar > 0 {
		return 1
	}
	return 0
}

// load reads the open cases and works their countdowns out for today, London time,
// off the UI goroutine.
func (m *Model) load() tea.Cmd {
	ctx, src, clk, loc := m.com.Ctx, m.src, m.com.Clock, m.com.London
	return func() tea.Msg {
		cases, err := src.CasesOnPathway(ctx)
		return loadedMsg{cases: cases, today: ident.DateOf(clk.Now().In(loc)), err: err}
	}
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, m.loads.Land(common.Cmd(common.ErrorMsg{Err: msg.err}), m.load)
		}
		m.loaded, m.cases = true, msg.cases
		m.workOut(msg.today)
		return m, m.loads.Land(nil, m.load)
	case common.TickMsg:
		// Countdowns move by the day: only a new London date changes them. Working
		// them out again is pure and cheap for the hundreds of cases a team holds.
		if today := ident.DateOf(msg.Now.In(m.com.London)); m.loaded && today != m.today {
			m.workOut(today)
		}
	case common.CaseChangedMsg, common.ReferralChangedMsg, common.DataChangedMsg:
		// A release date changed or a release or recall was recorded; a referral
		// accepted opens a case; here or in a colleague's session. The old rows show
		// until the new land.
		return m, m.loads.Ask(m.load)
	case tea.KeyPressMsg:
		return m, m.list.Update(msg, m.updateKeys)
	case tea.PasteMsg:
		m.list.Paste(msg)
	case common.PointerMsg:
		return m, m.list.Pointer(msg)
	}
	return m, nil
}

// workOut orders the cases by their next milestone on today and prepares their rows,
// keeping the filter, the mine toggle, the scroll and the cursor on the same case, or
// on the nearest row when that case has gone.
func (m *Model) workOut(today ident.Date) {
	m.today = today
	rows := buildRows(domain.Countdowns(m.cases, today))
	m.yours = 0
	for _, r := range rows {
		if r.clinicianID == m.com.Me.ID {
			m.yours++
		}
	}
	m.list.SetRows(rows) // lays out, so draws the bars
}

func (m *Model) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Open):
		return m.list.OpenSelected()
	case key.Matches(msg, m.keys.Release):
		if r := m.list.Selected(); r != nil {
			return common.Cmd(common.ChangeReleaseMsg{CaseID: r.caseID, Person: r.name, Release: r.release})
		}
	case key.Matches(msg, m.keys.Mine):
		m.mine = !m.mine
		m.list.Relayout()
		m.list.Frame(1, m.footLines(columnWidth(m.list.Columns(), colBar)))
		m.list.Refilter()
	case key.Matches(msg, m.keys.Back):
		return common.Back
	}
	return nil
}
