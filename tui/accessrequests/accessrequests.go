// Package accessrequests is a lead's list of subject access requests (docs/RULES.md,
// "Subject access"): the open ones, the soonest due first, with how long is left or how
// long overdue, or every request; from it a lead records a new one, extends one once,
// or records one answered. The forms are their own screens (tui/accessform).
package accessrequests

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/list"
)

// Source is what the screen reads.
type Source interface {
	OpenAccessRequests(ctx context.Context) ([]domain.AccessRequestOn, error)
	AccessRequests(ctx context.Context) ([]domain.AccessRequestOn, error)
	People(ctx context.Context) ([]domain.Person, error)
}

type loadedMsg struct {
	today  ident.Date
	reqs   []domain.AccessRequestOn
	people []domain.Person
	err    error
}

// Model is the screen.
type Model struct {
	com    common.Common
	src    Source
	keys   KeyMap
	width  int
	height int

	loads  list.Loads
	loaded bool
	all    bool // every request, answered ones too
	today  ident.Date
	reqs   []domain.AccessRequestOn
	people []domain.Person
	shown  []int
	win    list.Window
	cols   []list.Column
}

// New builds the screen; it loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	return &Model{com: com, src: src, keys: DefaultKeyMap()}
}

// Init loads the requests.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Subject access requests" }

// Capturing is always false: the screen takes no text.
func (m *Model) Capturing() bool { return false }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.cols = layout(w)
	m.win.Clamp(len(m.shown), m.listHeight())
}

func (m *Model) load() tea.Cmd {
	ctx, src, all, clk, loc := m.com.Ctx, m.src, m.all, m.com.Clock, m.com.London
	return func() tea.Msg {
		read := src.OpenAccessRequests
		if all {
			read = src.AccessRequests
		}
		reqs, err := read(ctx)
		if err != nil {
			return loadedMsg{err: err}
		}
		people, err := src.People(ctx)
		if err != nil {
			return loadedMsg{err: err}
		}
		return loadedMsg{today: ident.DateOf(clk.Now().In(loc)), reqs: reqs, people: people}
	}
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, m.loads.Land(common.Cmd(common.ErrorMsg{Err: msg.err}), m.load)
		}
		was := m.selectedID()
		m.loaded, m.today, m.reqs, m.people = true, msg.today, msg.reqs, msg.people
		m.shown = m.shown[:0]
		for i := range m.reqs {
			m.shown = append(m.shown, i)
		}
		m.win.Keep(m.shown, m.listHeight(), func(i int) bool { return m.reqs[i].ID == was })
		return m, m.loads.Land(nil, m.load)
	case common.AccessRequestsChangedMsg, common.DataChangedMsg:
		return m, m.loads.Ask(m.load)
	case common.TickMsg:
		// Days left move at midnight.
		if m.loaded && ident.DateOf(msg.Now.In(m.com.London)) != m.today {
			return m, m.loads.Ask(m.load)
		}
	case tea.KeyPressMsg:
		return m, m.updateKeys(msg)
	}
	return m, nil
}

func (m *Model) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	if m.win.Navigate(msg, m.keys.Nav, len(m.shown), m.listHeight()) {
		return nil
	}
	r := m.selected()
	switch {
	case key.Matches(msg, m.keys.Record):
		if m.loaded {
			return common.Cmd(common.RecordAccessRequestMsg{People: m.people})
		}
	case key.Matches(msg, m.keys.Extend):
		if r != nil && r.Open() {
			return common.Cmd(common.ExtendAccessRequestMsg{Request: *r})
		}
	case key.Matches(msg, m.keys.Answer):
		if r != nil && r.Open() {
			return common.Cmd(common.AnswerAccessRequestMsg{Request: *r})
		}
	case key.Matches(msg, m.keys.All):
		m.all = !m.all
		return m.loads.Ask(m.load)
	case key.Matches(msg, m.keys.Back):
		return common.Back
	}
	return nil
}

// selected is the request under the cursor, or nil when none shows.
func (m *Model) selected() *domain.AccessRequestOn {
	i, ok := m.win.Selected(m.shown)
	if !ok {
		return nil
	}
	return &m.reqs[i]
}

func (m *Model) selectedID() int64 {
	if r := m.selected(); r != nil {
		return r.ID
	}
	return 0
}

// listHeight is the room under the summary line and the headings, above the foot.
func (m *Model) listHeight() int { return max(m.height-3, 0) }
