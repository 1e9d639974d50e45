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
	"caseload/tui/component/filter"
	"caseload/tui/component/list"
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
	com    common.Common
	src    Source
	keys   KeyMap
	width  int
	height int

	loaded bool
	cases  []domain.CaseOnPathway // as loaded, kept to work the countdowns out again tomorrow
	today  ident.Date             // the London day the countdowns are worked out for
	rows   []row                  // in countdown order: the next milestone first
	shown  []int                  // indexes into rows that pass the filter and the mine toggle
	win    list.Window            // cursor and first row on screen, over shown
	cols   []list.Column
	mine   bool
	yours  int // cases allocated to me, counted when they load
	filter filter.Model
	loads  list.Loads // one load at a time, however often the data changes
}

// New builds the screen. It loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	return &Model{com: com, src: src, keys: DefaultKeyMap(), filter: filter.New("name")}
}

// Init loads the cases.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Release countdowns" }

// Capturing is true while the filter is being typed.
func (m *Model) Capturing() bool { return m.filter.Active() }

// SetSize lays the columns out for a new size and redraws the bars to the new width.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.relayout()
	m.filter.SetWidth(w)
	m.clamp()
}

// relayout chooses the columns and draws every row's bar to its width: bars are drawn
// here and when the data or the day changes, never while drawing the screen.
func (m *Model) relayout() {
	m.cols = layout(m.width, m.mine)
	drawBars(m.rows, m.today, columnWidth(m.cols, colBar))
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
		return m, m.filter.Keys(msg, m.keys.KeyMap, m.keys.Nav, m.updateKeys, m.applyFilter, m.clamp)
	case tea.PasteMsg:
		if m.filter.Paste(msg) {
			m.applyFilter()
		}
	}
	return m, nil
}

// workOut orders the cases by their next milestone on today and prepares their rows,
// keeping the filter, the mine toggle, the scroll and the cursor on the same case, or
// on the nearest row when that case has gone.
func (m *Model) workOut(today ident.Date) {
	was := m.selectedID()
	m.today = today
	m.rows = buildRows(domain.Countdowns(m.cases, today))
	drawBars(m.rows, today, columnWidth(m.cols, colBar))
	m.yours = len(match(m.rows, "", true, m.com.Me.ID))
	m.shown = match(m.rows, m.filter.Value(), m.mine, m.com.Me.ID)
	m.win.Keep(m.shown, m.listHeight(), func(ri int) bool { return m.rows[ri].caseID == was })
}

func (m *Model) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	if m.win.Navigate(msg, m.keys.Nav, len(m.shown), m.listHeight()) {
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Open):
		if r := m.selected(); r != nil {
			return common.Cmd(common.OpenCaseMsg{CaseID: r.caseID, Tab: "pathway"})
		}
	case key.Matches(msg, m.keys.Release):
		if r := m.selected(); r != nil {
			return common.Cmd(common.ChangeReleaseMsg{CaseID: r.caseID, Person: r.name, Release: r.release})
		}
	case key.Matches(msg, m.keys.Mine):
		m.mine = !m.mine
		m.relayout()
		m.applyFilter()
	case key.Matches(msg, m.keys.Back):
		return common.Back
	}
	return nil
}
