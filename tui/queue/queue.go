// Package queue is the home screen: every referral with its 48-hour screening clock,
// most urgent first, filtered as you type.
package queue

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"

	"caseload/tui/common"
	"caseload/tui/component/list"
	"caseload/tui/component/listscreen"
)

// Model is the referral queue.
type Model struct {
	com  common.Common
	src  Referrals
	keys KeyMap
	list *listscreen.Model[row] // rows sorted most urgent first; filter, cursor, columns

	loaded  bool // the whole queue, not only its head
	total   int  // referrals in the database, known before they have all loaded
	summary counts
	narrow  bool // the clock in its short words (see layout)
	nameMax int  // the longest name's width, measured in the load command

	narrowings []narrowing // matches of the query as it grew, shortest first
	all        []int       // every row, in order: what shows with no query or group
	matchKeys  []matchKey  // what the filter tests of each row before its text, in order
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
	page     int        // referrals one read of the store takes (pageSize; fewer in tests)
	screened int        // screened referrals the head holds (headScreened; fewer in tests)
}

// New builds the queue. It loads nothing until Init's command runs.
func New(com common.Common, src Referrals) *Model {
	m := &Model{com: com, src: src, keys: DefaultKeyMap(), page: pageSize, screened: headScreened}
	m.list = listscreen.New(listscreen.Spec[row]{
		Title:   "Referral queue",
		Columns: columns,
		Layout: func(width int, s list.Spec) []list.Column {
			cols := layout(width, s)
			m.narrow = narrowClock(cols)
			return cols
		},
		Measure: func(s list.Spec) list.Spec {
			s.NameMax = m.nameMax // the other columns' widths fit every value
			return s
		},
		Cell:        m.cell,
		ID:          func(r *row) int64 { return r.id },
		Match:       m.match,
		Open:        func(r *row) tea.Cmd { return common.Cmd(common.OpenReferralMsg{ID: r.id}) },
		Empty:       m.emptyNote,
		Count:       func() string { return m.spokenCount() },
		Words:       m.rowWords,
		Placeholder: "name, NHS number, prison number, CRN or source",
	})
	m.list.Nav, m.list.Keys = m.keys.Nav, m.keys.KeyMap
	return m
}

// Init loads the top of the queue, then the rest.
func (m *Model) Init() tea.Cmd {
	m.loads.Start()
	return m.loadHead()
}

// Title names the screen.
func (m *Model) Title() string { return "Referral queue" }

// Capturing is true while the filter is being typed.
func (m *Model) Capturing() bool { return m.list.Capturing() }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) { m.list.SetSize(w, h) }

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case headMsg:
		if msg.err != nil {
			return m, m.landed(common.Cmd(common.ErrorMsg{Err: msg.err}))
		}
		m.drafts, m.now = msg.drafts, msg.now
		if !m.loaded {
			m.total = msg.total
			m.setRows(msg.rows, msg.keys, msg.nameMax)
		}
		if msg.whole {
			m.loaded, m.mark = true, msg.mark
			return m, m.landed(nil)
		}
		return m, m.Load()
	case pageMsg:
		return m, func() tea.Msg { return msg.r.next() }
	case loadedMsg:
		if msg.err != nil {
			return m, m.landed(common.Cmd(common.ErrorMsg{Err: msg.err}))
		}
		m.swap(msg)
		return m, m.landed(nil)
	case common.TickMsg:
		m.now = msg.Now
		selected := m.selectedID()
		retime(m.list.Rows(), msg.Now)
		m.refilter(selected)
	case common.ReferralChangedMsg:
		m.land, m.landFrom = msg.ID, m.reads+1
		return m, m.reload()
	case common.CaseChangedMsg, common.DataChangedMsg:
		// A note saved or signed changes the drafts line; another process's decision,
		// new referral or correction changes rows.
		return m, m.reload()
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
		return common.Back // to the home screen
	case key.Matches(msg, m.keys.New):
		return common.Cmd(common.NewReferralMsg{})
	case key.Matches(msg, m.keys.Caseload):
		return common.Cmd(common.OpenCaseloadMsg{})
	case key.Matches(msg, m.keys.Group):
		m.group = (m.group + 1) % len(statusGroups)
		m.narrowings = m.narrowings[:0] // they were for another group
		m.list.Refilter()
	}
	return nil
}

// Loaded reports whether every referral has been read, not only the head of the queue.
func (m *Model) Loaded() bool { return m.loaded }

// Len is how many referrals the queue holds, shown or not.
func (m *Model) Len() int { return len(m.list.Rows()) }
