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
	"caseload/tui/component/listscreen"
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
	com  common.Common
	src  Source
	keys KeyMap
	list *listscreen.Model[row] // in domain.TeamLoad's order

	loaded bool
	failed bool       // the last load failed: the status line says why
	today  ident.Date // the London day the phases were worked out for
	height int
	loads  list.Loads // one load at a time, however often the data changes
}

// New builds the screen. It loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	m := &Model{com: com, src: src, keys: DefaultKeyMap()}
	m.list = listscreen.New(listscreen.Spec[row]{
		Title:    "Team",
		Columns:  columns(),
		Cell:     m.cell,
		ID:       func(r *row) int64 { return r.id },
		Haystack: func(r *row) string { return domain.FoldForSearch(r.name + "\x00" + r.standing) },
		Open: func(r *row) tea.Cmd {
			return common.Cmd(common.OpenCaseloadMsg{Held: true, ClinicianID: r.id, Clinician: r.name})
		},
		Empty:       m.emptyNote,
		Count:       func() string { return domain.Count(len(m.list.Shown()), "clinician", "clinicians") },
		Words:       func(r *row) string { return r.detail },
		Placeholder: "clinician",
	})
	m.list.Nav, m.list.Keys = m.keys.Nav, m.keys.KeyMap
	return m
}

// Init loads the team's load.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Team" }

// Capturing is true while the filter is typed.
func (m *Model) Capturing() bool { return m.list.Capturing() }

// Settling is true until the first load lands: keys typed before it (j j enter) land on
// the rows they were meant for, not on an empty list.
func (m *Model) Settling() bool { return !m.loaded && !m.failed }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) {
	m.height = h
	m.list.SetSize(w, h)
	m.list.Frame(1, m.footHeight())
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
		m.failed, m.loaded, m.today = false, true, msg.today
		m.list.SetRows(buildRows(msg.loads))
		m.list.Frame(1, m.footHeight())
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
		return m, m.list.Update(msg, m.updateKeys)
	case tea.PasteMsg:
		m.list.Paste(msg)
	case common.PointerMsg:
		return m, m.list.Pointer(msg)
	}
	return m, nil
}

func (m *Model) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Open):
		return m.list.OpenSelected()
	case key.Matches(msg, m.keys.Back):
		return common.Back
	}
	return nil
}

// selected is the row under the cursor, or nil when no row shows.
func (m *Model) selected() *row { return m.list.Selected() }
