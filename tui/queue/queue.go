// Package queue is the home screen: every referral with its 48-hour screening clock,
// most urgent first, filtered as you type.
package queue

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"

	"caseload/tui/common"
	"caseload/tui/component/filter"
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

	filter     filter.Model
	narrowings []narrowing // matches of the query as it grew, shortest first
	group      int         // index into statusGroups
	drafts     []domain.Note
	now        time.Time
	// land is the referral to put the cursor on when a load read after it was saved
	// arrives (reload landFrom or later), so the clinician sees it in its place.
	land     int64
	landFrom int
	loads    list.Loads // the first load (head, then the rest), then each reload
	reads    int        // reloads started
	mark     int64      // the referrals' mark when the rows were read (see readAgain)
}

// New builds the queue. It loads nothing until Init's command runs.
func New(com common.Common, src Referrals) *Model {
	f := filter.New("name, NHS number, prison number, CRN or source")
	return &Model{com: com, src: src, keys: DefaultKeyMap(), filter: f}
}

// Init loads the top of the queue, then the rest.
func (m *Model) Init() tea.Cmd {
	m.loads.Start()
	return m.loadHead()
}

// Title names the screen.
func (m *Model) Title() string { return "Referral queue" }

// Capturing is true while the filter is being typed.
func (m *Model) Capturing() bool { return m.filter.Active() }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.cols = layout(w)
	m.filter.SetWidth(w)
	m.clamp()
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case headMsg:
		if msg.err != nil {
			return m, m.landed(common.Cmd(common.ErrorMsg{Err: msg.err}))
		}
		m.drafts, m.now = msg.drafts, msg.now
		if !m.loaded {
			selected := m.selectedID()
			m.rows, m.total = msg.rows, msg.total
			m.refilter(selected)
		}
		return m, m.Load()
	case loadedMsg:
		if msg.err != nil {
			return m, m.landed(common.Cmd(common.ErrorMsg{Err: msg.err}))
		}
		m.swap(msg)
		return m, m.landed(nil)
	case common.TickMsg:
		m.now = msg.Now
		selected := m.selectedID()
		retime(m.rows, msg.Now)
		m.refilter(selected)
	case common.ReferralChangedMsg:
		m.land, m.landFrom = msg.ID, m.reads+1
		return m, m.reload()
	case common.CaseChangedMsg, common.DataChangedMsg:
		// A note saved or signed changes the drafts line; another process's decision,
		// new referral or correction changes rows.
		return m, m.reload()
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
			return common.Cmd(common.OpenReferralMsg{ID: id})
		}
	case key.Matches(msg, m.keys.Back):
		return common.Back // to the home screen
	case key.Matches(msg, m.keys.New):
		return common.Cmd(common.NewReferralMsg{})
	case key.Matches(msg, m.keys.Caseload):
		return common.Cmd(common.OpenCaseloadMsg{})
	case key.Matches(msg, m.keys.Group):
		m.group = (m.group + 1) % len(statusGroups)
		m.narrowings = m.narrowings[:0] // they were for another group
		m.applyFilter()
	}
	return nil
}
