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
	"caseload/tui/component/listscreen"
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
	com  common.Common
	src  Source
	keys KeyMap
	list *listscreen.Model[row] // by meeting date, under their weeks

	today ident.Date // the London day the rows were worked out for
	day   ident.Date // the London day the next load is for; zero for the clock's
	mine  bool
	loads list.Loads // one load at a time, however often the data changes
}

// New builds the screen. It loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	m := &Model{com: com, src: src, keys: DefaultKeyMap()}
	m.list = listscreen.New(listscreen.Spec[row]{
		Title:    "Forums: next 4 weeks",
		Columns:  columns,
		Layout:   layout,
		Cell:     m.cell,
		ID:       func(r *row) int64 { return r.on.Meeting.ID },
		Haystack: func(r *row) string { return r.haystack },
		Keep:     func(r *row) bool { return !m.mine || r.on.ClinID == m.com.Me.ID },
		Group:    func(r *row) string { return r.group },
		Open: func(r *row) tea.Cmd {
			return common.Cmd(common.OpenCaseMsg{CaseID: r.on.Meeting.CaseID, Tab: "forums"})
		},
		Empty: func(loaded bool, rows int, query string) string {
			return empty.Note(loaded, rows, 0, query)
		},
		Count:       m.counts,
		Placeholder: "person, forum, team, chair or clinician",
	})
	m.list.Nav, m.list.Keys = m.keys.Nav, m.keys.KeyMap
	m.list.Frame(1, 1) // the summary above; the foot line of the selected meeting below
	return m
}

// Init loads the meetings.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Forums: next 4 weeks" }

// Capturing is true while the filter is being typed.
func (m *Model) Capturing() bool { return m.list.Capturing() }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) { m.list.SetSize(w, h) }

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
		m.today = msg.today
		if m.day.IsZero() {
			m.day = msg.today
		}
		m.list.SetRows(msg.rows)
		return m, m.loads.Land(nil, m.load)
	case common.CaseChangedMsg, common.DataChangedMsg:
		// A meeting recorded or changed, or a case closed, changes the list, here or in
		// a colleague's session. The old rows show until the new land.
		return m, m.loads.Ask(m.load)
	case common.TickMsg:
		// Past midnight "this week", "today" and "overdue by" all move on.
		if day := londonDay(msg.Now, m.com.London); m.list.Loaded() && day != m.day {
			m.day = day
			return m, m.loads.Ask(m.load)
		}
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
	r := m.list.Selected()
	switch {
	case key.Matches(msg, m.keys.Open):
		return m.list.OpenSelected()
	case key.Matches(msg, m.keys.Edit):
		if r != nil {
			return common.Cmd(common.EditForumMeetingMsg{Person: r.on.Person, Meeting: r.on.Meeting})
		}
	case key.Matches(msg, m.keys.Mine):
		m.mine = !m.mine
		m.list.Refilter()
	case key.Matches(msg, m.keys.Back):
		return common.Back
	}
	return nil
}

func londonDay(t time.Time, loc *time.Location) ident.Date { return ident.DateOf(t.In(loc)) }
