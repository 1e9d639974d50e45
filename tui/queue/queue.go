// Package queue is the home screen: every referral with its 48-hour screening clock,
// most urgent first, filtered as you type.
package queue

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"

	"caseload/tui/common"
	"caseload/tui/component/list"
)

// Model is the referral queue.
type Model struct {
	com    common.Common
	src    Referrals
	keys   KeyMap
	width  int
	height int

	loaded  bool        // the whole queue, not only its head
	total   int         // referrals in the database, known before they have all loaded
	rows    []row       // sorted, most urgent first
	shown   []int       // indexes into rows that pass the filter
	win     list.Window // cursor and first row on screen, over shown
	cols    []list.Column
	summary counts

	filter     textinput.Model
	filtering  bool
	narrowings []narrowing // matches of the query as it grew, shortest first
	group      int         // index into statusGroups
	drafts     []domain.Note
	now        time.Time
	// land is the referral to put the cursor on when the next load arrives: one just
	// saved, so the clinician sees it in its place.
	land int64
}

// New builds the queue. It loads nothing until Init's command runs.
func New(com common.Common, src Referrals) *Model {
	f := textinput.New()
	f.Prompt = "/ "
	f.Placeholder = "name, NHS number, prison number, CRN or source"
	f.CharLimit = 100
	return &Model{com: com, src: src, keys: DefaultKeyMap(), filter: f}
}

// Init loads the top of the queue, then the rest.
func (m *Model) Init() tea.Cmd { return m.loadHead() }

// Title names the screen.
func (m *Model) Title() string { return "Referral queue" }

// Capturing is true while the filter is being typed.
func (m *Model) Capturing() bool { return m.filtering }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.cols = layout(w)
	// Room is left beside the input for the match count.
	m.filter.SetWidth(max(w-28, 8))
	m.clamp()
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case headMsg:
		if msg.err != nil {
			return m, common.Cmd(common.ErrorMsg{Err: msg.err})
		}
		m.drafts, m.now = msg.drafts, msg.now
		if !m.loaded { // a reload that already finished has the whole queue
			m.rows, m.total = msg.rows, msg.total
			m.refilter()
		}
		return m, m.Load()
	case loadedMsg:
		if msg.err != nil {
			return m, common.Cmd(common.ErrorMsg{Err: msg.err})
		}
		m.loaded, m.rows, m.total = true, msg.rows, len(msg.rows)
		m.refilter()
		if m.land != 0 {
			m.selectID(m.land)
			m.land = 0
		}
	case common.CaseChangedMsg:
		return m, m.loadHead() // a note saved or signed changes the drafts line
	case common.TickMsg:
		m.now = msg.Now
		selected := m.selectedID()
		retime(m.rows, msg.Now)
		m.refilter()
		m.selectID(selected)
	case common.ReferralChangedMsg:
		m.land = msg.ID
		return m, m.Load()
	case tea.KeyPressMsg:
		if m.filtering {
			return m, m.updateFilter(msg)
		}
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
		if id := m.selectedID(); id != 0 {
			return common.Cmd(common.OpenReferralMsg{ID: id})
		}
	case key.Matches(msg, m.keys.Filter):
		m.filtering = true
		m.clamp()
		return m.filter.Focus()
	case key.Matches(msg, m.keys.ClearFilter):
		if m.filter.Value() == "" {
			return common.Back // to the home screen
		}
		m.filter.SetValue("")
		m.applyFilter()
	case key.Matches(msg, m.keys.New):
		return common.Cmd(common.NewReferralMsg{})
	case key.Matches(msg, m.keys.Caseload):
		return common.Cmd(common.OpenCaseloadMsg{})
	case key.Matches(msg, m.keys.Group):
		m.group = (m.group + 1) % len(statusGroups)
		m.refilter() // the kept narrowings were for another group
	}
	return nil
}

func (m *Model) updateFilter(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.ClearFilter):
		m.filtering = false
		m.filter.Blur()
		m.filter.SetValue("")
		m.applyFilter()
		return nil
	case key.Matches(msg, m.keys.ApplyFilter):
		m.filtering = false
		m.filter.Blur()
		m.clamp()
		return nil
	case key.Matches(msg, m.keys.Up), key.Matches(msg, m.keys.Down):
		// Arrows still move through the matches while typing; j and k are letters here.
		if msg.Text == "" {
			return m.updateKeys(msg)
		}
	}
	before := m.filter.Value()
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() != before {
		m.applyFilter()
	}
	return cmd
}
