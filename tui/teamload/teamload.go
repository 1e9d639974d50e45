// Package teamload is the Team screen, a lead's: each clinician's open cases by phase,
// their unsigned drafts and forum reports due, against the caseload cap, with who is over
// it, who has left still holding cases, and the cases nobody holds, said in words
// (docs/RULES.md, "Caseload sizes"). Enter opens the caseload list of the clinician
// under the cursor.
package teamload

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/list"
)

// Source is what the Team screen needs from the store.
type Source interface {
	// TeamLoad returns each clinician's open work on today, in the order shown.
	TeamLoad(ctx context.Context, today ident.Date) ([]domain.ClinicianLoad, error)
}

// loadedMsg is the team's load on the London day the load ran.
type loadedMsg struct {
	loads []domain.ClinicianLoad
	today ident.Date
	err   error
}

// Model is the Team screen.
type Model struct {
	com    common.Common
	src    Source
	keys   KeyMap
	width  int
	height int

	loaded bool
	failed bool       // the last load failed: the status line says why
	today  ident.Date // the London day the phases were worked out for
	rows   []row
	shown  []int // every row: the window works over indexes
	win    list.Window
	cols   []list.Column
	loads  list.Loads // one load at a time, however often the data changes
}

// New builds the screen. It loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	return &Model{com: com, src: src, keys: DefaultKeyMap()}
}

// Init loads the team's load.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Team" }

// Capturing is always false: the screen takes no text.
func (m *Model) Capturing() bool { return false }

// Settling is true until the first load lands: keys typed before it (j j enter) land on
// the rows they were meant for, not on an empty list.
func (m *Model) Settling() bool { return !m.loaded && !m.failed }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.cols = layout(w)
	m.win.Clamp(len(m.shown), m.listHeight())
}

// load reads the team's load for today, London time, off the UI goroutine.
func (m *Model) load() tea.Cmd {
	ctx, src, clk, loc := m.com.Ctx, m.src, m.com.Clock, m.com.London
	return func() tea.Msg {
		today := ident.DateOf(clk.Now().In(loc))
		loads, err := src.TeamLoad(ctx, today)
		return loadedMsg{loads: loads, today: today, err: err}
	}
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			m.failed = true
			return m, m.loads.Land(common.Cmd(common.ErrorMsg{Err: msg.err}), m.load)
		}
		was := m.selectedID()
		m.failed, m.loaded, m.today, m.rows = false, true, msg.today, buildRows(msg.loads)
		m.shown = m.shown[:0]
		for i := range m.rows {
			m.shown = append(m.shown, i)
		}
		m.win.Keep(m.shown, m.listHeight(), func(ri int) bool { return m.rows[ri].id == was })
		return m, m.loads.Land(nil, m.load)
	case common.TickMsg:
		// Phases move by the day: only a new London date changes them.
		if today := ident.DateOf(msg.Now.In(m.com.London)); m.loaded && today != m.today {
			return m, m.loads.Ask(m.load)
		}
	case common.CaseChangedMsg, common.ReferralChangedMsg, common.DataChangedMsg:
		// A case handed over, closed or opened, a draft signed, here or in a
		// colleague's session. The old rows show until the new land.
		return m, m.loads.Ask(m.load)
	case tea.KeyPressMsg:
		return m, m.updateKeys(msg)
	}
	return m, nil
}

func (m *Model) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	if m.win.Navigate(msg, m.keys.Nav, len(m.shown), m.listHeight()) {
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Open):
		if r := m.selected(); r != nil {
			return common.Cmd(common.OpenCaseloadMsg{Held: true, ClinicianID: r.id, Clinician: r.name})
		}
	case key.Matches(msg, m.keys.Back):
		return common.Back
	}
	return nil
}

// selected is the row under the cursor, or nil when no row shows.
func (m *Model) selected() *row {
	ri, ok := m.win.Selected(m.shown)
	if !ok {
		return nil
	}
	return &m.rows[ri]
}

// selectedID is the clinician under the cursor; -1 when none (0 is the unallocated row).
func (m *Model) selectedID() int64 {
	if r := m.selected(); r != nil {
		return r.id
	}
	return -1
}
