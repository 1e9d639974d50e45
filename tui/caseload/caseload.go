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
	"caseload/tui/component/list"
	"caseload/tui/component/listscreen"
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
	com  common.Common
	src  Source
	keys KeyMap
	list *listscreen.Model[row] // rows sorted by name; the filter, cursor and columns

	mine  bool
	yours int // cases allocated to whose, counted when they load
	// whose is the clinician m narrows to: the reader, or the colleague the Team screen
	// opened the list for (0: the cases nobody holds), named whoseName ("" for the reader).
	whose     int64
	whoseName string
	loads     list.Loads // one load at a time, however often the data changes
}

// New builds the list. It loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	m := &Model{com: com, src: src, keys: DefaultKeyMap(), whose: com.Me.ID}
	m.list = listscreen.New(listscreen.Spec[row]{
		Title:       "Caseload",
		Columns:     columns(false),
		Cell:        m.cell,
		ID:          func(r *row) int64 { return r.caseID },
		Haystack:    func(r *row) string { return r.haystack },
		Keep:        func(r *row) bool { return !m.mine || r.clinicianID == m.whose },
		Open:        func(r *row) tea.Cmd { return common.Cmd(common.OpenCaseMsg{CaseID: r.caseID}) },
		Empty:       m.emptyNote,
		Count:       func() string { return domain.Count(len(m.list.Shown()), "open case", "open cases") },
		Placeholder: "name, NHS number, prison number, CRN or clinician",
	})
	m.list.Nav, m.list.Keys = m.keys.Nav, m.keys.KeyMap
	return m
}

// Held builds the list narrowed to the cases clinician id holds (0: those nobody
// holds), named name: a lead's way in from the Team screen. m shows everyone's.
func Held(com common.Common, src Source, id int64, name string) *Model {
	m := New(com, src)
	m.mine, m.whose, m.whoseName = true, id, name
	m.list.SetColumns(columns(true))
	return m
}

// Init loads the cases.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Caseload" }

// Capturing is true while the filter is being typed.
func (m *Model) Capturing() bool { return m.list.Capturing() }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) { m.list.SetSize(w, h) }

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
		m.yours = 0
		for _, r := range msg.rows {
			if r.clinicianID == m.whose {
				m.yours++
			}
		}
		m.list.SetRows(msg.rows)
		return m, m.loads.Land(nil, m.load)
	case common.CaseChangedMsg, common.ReferralChangedMsg, common.DataChangedMsg:
		// A note signed or a case allocated changes a row; a referral accepted adds one;
		// so may a colleague in another process. The old rows show until the new land.
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
	case key.Matches(msg, m.keys.Mine):
		m.mine = !m.mine
		m.list.SetColumns(columns(m.mine))
		m.list.Refilter()
	case key.Matches(msg, m.keys.Closed):
		return common.Cmd(common.OpenClosedCasesMsg{})
	case key.Matches(msg, m.keys.Back):
		return common.Back
	}
	return nil
}
