// Package forums is the risk forum meetings of the coming four weeks across the open
// cases (MAPPA, MARAC, Channel Panel: docs/RULES.md, "Risk forums"): grouped by week, each with whether the
// service attends or informs, when its report is due or how long it is overdue, and who
// from the team goes or writes; all the team's cases or only the reader's own.
package forums

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/list"
)

// Source is what the screen needs from the store.
type Source interface {
	// ForumMeetingsBetween returns the meetings of open cases held, or with a report
	// due, from from to to (both included), by meeting date.
	ForumMeetingsBetween(ctx context.Context, from, to ident.Date) ([]domain.ForumMeetingOn, error)
}

// loadedMsg is the meetings of the four weeks from today, prepared for the list.
type loadedMsg struct {
	today ident.Date
	rows  []row
	err   error
}

// Model is the forums screen.
type Model struct {
	com    common.Common
	src    Source
	keys   KeyMap
	width  int
	height int

	loaded bool
	today  ident.Date // the London day the rows were worked out for
	day    ident.Date // the London day the next load is for; zero for the clock's
	rows   []row      // by meeting date
	mine   bool
	loads  list.Loads // one load at a time, however often the data changes

	// What shows, worked out when the rows or the mine toggle change: the rows that
	// pass the toggle, the lines they make with their week headings, and the counts.
	shown  []int
	lines  []line
	at     []int  // the line of each shown row
	counts string // "3 meetings, 1 report overdue"

	win  list.Window // the cursor, over shown; its Offset is unused (see scroll)
	top  int         // first line on screen
	cols []list.Column
	foot string // the selected meeting's fields that no column shows
}

// New builds the screen. It loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	return &Model{com: com, src: src, keys: DefaultKeyMap()}
}

// Init loads the meetings.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Forums: next 4 weeks" }

// Capturing is always false: the screen takes no typed text.
func (m *Model) Capturing() bool { return false }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.cols = layout(w)
	m.win.Clamp(len(m.shown), m.listHeight())
	m.scroll()
}

// load reads the meetings around m.day and prepares their rows off the UI goroutine.
// A zero day is the London day of the app's clock, read in the command: Update reads
// no clock, and a tick brings its own day.
func (m *Model) load() tea.Cmd {
	today, ctx, src, clk, loc := m.day, m.com.Ctx, m.src, m.com.Clock, m.com.London
	return func() tea.Msg {
		if today.IsZero() {
			today = ident.DateOf(clk.Now().In(loc))
		}
		ons, err := src.ForumMeetingsBetween(ctx, today.AddDays(-lookback), today.AddDays(horizon))
		if err != nil {
			return loadedMsg{err: err}
		}
		return loadedMsg{today: today, rows: buildRows(ons, today)}
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
		m.loaded, m.today, m.rows = true, msg.today, msg.rows
		if m.day.IsZero() {
			m.day = msg.today
		}
		m.apply(was)
		return m, m.loads.Land(nil, m.load)
	case common.CaseChangedMsg, common.DataChangedMsg:
		// A meeting recorded or changed, or a case closed, changes the list, here or in
		// a colleague's session. The old rows show until the new land.
		return m, m.loads.Ask(m.load)
	case common.TickMsg:
		// Past midnight "this week", "today" and "overdue by" all move on.
		if day := londonDay(msg.Now, m.com.London); m.loaded && day != m.day {
			m.day = day
			return m, m.loads.Ask(m.load)
		}
	case tea.KeyPressMsg:
		return m, m.updateKeys(msg)
	}
	return m, nil
}

func (m *Model) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	if m.win.Navigate(msg, m.keys.Nav, len(m.shown), m.listHeight()) {
		m.scroll()
		return nil
	}
	r := m.selected()
	switch {
	case key.Matches(msg, m.keys.Open):
		if r != nil {
			return common.Cmd(common.OpenCaseMsg{CaseID: r.on.Meeting.CaseID, Tab: "forums"})
		}
	case key.Matches(msg, m.keys.Edit):
		if r != nil {
			return common.Cmd(common.EditForumMeetingMsg{Person: r.on.Person, Meeting: r.on.Meeting})
		}
	case key.Matches(msg, m.keys.Mine):
		was := m.selectedID()
		m.mine = !m.mine
		m.apply(was)
	case key.Matches(msg, m.keys.Back):
		return common.Back
	}
	return nil
}

func londonDay(t time.Time, loc *time.Location) ident.Date { return ident.DateOf(t.In(loc)) }
