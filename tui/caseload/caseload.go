// Package caseload is the list of open cases: who holds each, where its formulation
// stands, when the person was last seen, unsigned drafts and the release date; all the
// team's cases or only the reader's own, filtered as you type.
package caseload

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

// Source is what the list needs from the store.
type Source interface {
	// CaseSummaries returns every open case.
	CaseSummaries(ctx context.Context) ([]domain.CaseSummary, error)
}

// loadedMsg is every open case, prepared for the list.
type loadedMsg struct {
	rows []row
	err  error
}

// Model is the caseload list.
type Model struct {
	com    common.Common
	src    Source
	keys   KeyMap
	width  int
	height int

	loaded bool
	rows   []row       // sorted by name
	shown  []int       // indexes into rows that pass the filter and the mine toggle
	win    list.Window // cursor and first row on screen, over shown
	cols   []list.Column
	mine   bool
	yours  int // cases allocated to whose, counted when they load
	// whose is the clinician m narrows to: the reader, or the colleague the Team screen
	// opened the list for (0: the cases nobody holds), named whoseName ("" for the reader).
	whose     int64
	whoseName string
	filter    filter.Model
	loads     list.Loads // one load at a time, however often the data changes
}

// New builds the list. It loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	f := filter.New("name, NHS number, prison number, CRN or clinician")
	return &Model{com: com, src: src, keys: DefaultKeyMap(), filter: f, whose: com.Me.ID}
}

// Held builds the list narrowed to the cases clinician id holds (0: those nobody
// holds), named name: a lead's way in from the Team screen. m shows everyone's.
func Held(com common.Common, src Source, id int64, name string) *Model {
	m := New(com, src)
	m.mine, m.whose, m.whoseName = true, id, name
	return m
}

// Init loads the cases.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Caseload" }

// Capturing is true while the filter is being typed.
func (m *Model) Capturing() bool { return m.filter.Active() }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.cols = layout(w, m.mine)
	m.filter.SetWidth(w)
	m.clamp()
}

// load reads the open cases and prepares their rows off the UI goroutine.
func (m *Model) load() tea.Cmd {
	ctx, src, loc, clk := m.com.Ctx, m.src, m.com.London, m.com.Clock
	return func() tea.Msg {
		cases, err := src.CaseSummaries(ctx)
		if err != nil {
			return loadedMsg{err: err}
		}
		return loadedMsg{rows: buildRows(cases, loc, ident.DateOf(clk.Now().In(loc)))}
	}
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, m.loads.Land(common.Cmd(common.ErrorMsg{Err: msg.err}), m.load)
		}
		m.swap(msg.rows)
		return m, m.loads.Land(nil, m.load)
	case common.CaseChangedMsg, common.ReferralChangedMsg, common.DataChangedMsg:
		// A note signed or a case allocated changes a row; a referral accepted adds one;
		// so may a colleague in another process. The old rows show until the new land.
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

func (m *Model) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	if m.win.Navigate(msg, m.keys.Nav, len(m.shown), m.listHeight()) {
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Open):
		if id := m.selectedID(); id != 0 {
			return common.Cmd(common.OpenCaseMsg{CaseID: id})
		}
	case key.Matches(msg, m.keys.Mine):
		m.mine = !m.mine
		m.cols = layout(m.width, m.mine)
		m.applyFilter()
	case key.Matches(msg, m.keys.Closed):
		return common.Cmd(common.OpenClosedCasesMsg{})
	case key.Matches(msg, m.keys.Back):
		return common.Back
	}
	return nil
}
