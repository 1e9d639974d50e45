// Package home is the first screen: what is due today for the signed-in clinician and
// for the team (referrals to screen with their clocks, consultations to hold, releases,
// forum reports and meetings, discharges, unsigned drafts, and for a lead the cases
// needing a clinician, the subject access requests and the last backup and verify),
// each line opening what it names. The agenda is built in a command
// on every load, and reloaded on each tick, since the clocks on it move.
package home

import (
	"context"
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/list"
)

// Source is what the home screen needs from the store.
type Source interface {
	// AgendaFacts reads what the agenda of clinicianID is built from on today.
	AgendaFacts(ctx context.Context, clinicianID int64, now time.Time) (domain.AgendaFacts, error)
	// Path is the database file, which a lead's backup and verify are run on.
	Path() string
}

// loadedMsg is the agenda as it stands at the instant it was built.
type loadedMsg struct {
	agenda domain.Agenda
	err    error
}

// Model is the home screen.
type Model struct {
	com    common.Common
	src    Source
	keys   KeyMap
	width  int
	height int

	loads  list.Loads // one load at a time: on every tick and every change of the data
	now    time.Time  // of the last tick, so a reload between ticks keeps the same time
	loaded bool
	agenda domain.Agenda
	mine   bool

	shown  []int // indexes into agenda.Items that pass the mine toggle and the team cap
	counts map[domain.AgendaSection]counts
	cursor int  // index into shown
	offset int  // first body line on screen
	page   page // the summary and body lines, laid out for the width
}

// New builds the home screen. It loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	return &Model{com: com, src: src, keys: DefaultKeyMap()}
}

// Init loads the agenda.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Today" }

// Capturing is always false: the screen takes no text.
func (m *Model) Capturing() bool { return false }

// SetSize lays the lines out again for a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.relayout()
}

// load reads the facts and builds the agenda at the last tick's time (the clock's
// before the first tick) off the UI goroutine. Loads run one at a time (m.loads), so
// an older agenda never lands after a newer one.
func (m *Model) load() tea.Cmd {
	now, ctx, src, clk, me := m.now, m.com.Ctx, m.src, m.com.Clock, m.com.Me.ID
	return func() tea.Msg {
		if now.IsZero() {
			now = clk.Now()
		}
		f, err := src.AgendaFacts(ctx, me, now)
		if err != nil {
			return loadedMsg{err: err}
		}
		return loadedMsg{agenda: domain.BuildAgenda(f, me, now)}
	}
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, m.loads.Land(common.Cmd(common.ErrorMsg{Err: msg.err}), m.load)
		}
		selected, had := m.selected()
		m.loaded, m.agenda = true, msg.agenda
		m.refilter(selected, had)
		return m, m.loads.Land(nil, m.load)
	case common.TickMsg:
		m.now = msg.Now
		return m, m.loads.Ask(m.load)
	case common.CaseChangedMsg, common.ReferralChangedMsg, common.DataChangedMsg:
		// Changed here or in a colleague's session; the old agenda shows until the new
		// one lands.
		return m, m.loads.Ask(m.load)
	case tea.KeyPressMsg:
		return m, m.updateKeys(msg)
	}
	return m, nil
}

func (m *Model) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	if m.navigate(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Open):
		return m.open()
	case key.Matches(msg, m.keys.Mine):
		selected, had := m.selected()
		m.mine = !m.mine
		m.refilter(selected, had)
	case key.Matches(msg, m.keys.Queue):
		return common.Cmd(common.OpenQueueMsg{})
	case key.Matches(msg, m.keys.Caseload):
		return common.Cmd(common.OpenCaseloadMsg{})
	case key.Matches(msg, m.keys.Countdowns):
		return common.Cmd(common.OpenCountdownsMsg{})
	case key.Matches(msg, m.keys.Forums):
		return common.Cmd(common.OpenForumsMsg{})
	case key.Matches(msg, m.keys.New):
		return common.Cmd(common.NewReferralMsg{})
	case key.Matches(msg, m.keys.Reports):
		return common.Cmd(common.OpenReportsMsg{})
	case key.Matches(msg, m.keys.Settings):
		return common.Cmd(common.OpenSettingsMsg{})
	case key.Matches(msg, m.keys.AuditLog) && m.com.Me.Leads():
		return common.Cmd(common.OpenAuditLogMsg{})
	case key.Matches(msg, m.keys.Team) && m.com.Me.Leads():
		return common.Cmd(common.OpenTeamMsg{})
	case key.Matches(msg, m.keys.Requests) && m.com.Me.Leads():
		return common.Cmd(common.OpenAccessRequestsMsg{})
	}
	return nil
}

// open asks the root for what the line under the cursor names.
func (m *Model) open() tea.Cmd {
	it, ok := m.selected()
	if !ok {
		return nil
	}
	o := it.Open
	switch o.Kind {
	case domain.OpenReferral:
		return common.Cmd(common.OpenReferralMsg{ID: o.ID})
	case domain.OpenCase:
		return common.Cmd(common.OpenCaseMsg{CaseID: o.ID, Tab: o.Tab})
	case domain.OpenNote: // the note itself, to read and sign, not straight into its text
		return common.Cmd(common.OpenNoteMsg{NoteID: o.ID})
	case domain.OpenFormulation:
		return common.Cmd(common.OpenCaseMsg{CaseID: o.CaseID, Tab: "formulation"})
	case domain.OpenAdvice: // a check runs on the server, not in the app: say how
		return common.Cmd(common.InfoMsg{Text: domain.SafetyAdvice(o.Check, m.dbPath(), o.Why)})
	case domain.OpenAccessRequest: // a lead's requests screen extends or answers it
		return common.Cmd(common.OpenAccessRequestsMsg{})
	}
	return nil
}

// dbPath is the database file, absolute, for a command to run from any folder.
func (m *Model) dbPath() string {
	db := m.src.Path()
	if abs, err := filepath.Abs(db); err == nil {
		db = abs
	}
	return db
}

// selected is the item under the cursor; false when no line shows.
func (m *Model) selected() (domain.AgendaItem, bool) {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return domain.AgendaItem{}, false
	}
	return m.agenda.Items[m.shown[m.cursor]], true
}

// refilter works out which items show after a load or the mine toggle, and keeps the
// cursor on the same line when it still shows, so a tick never moves it.
func (m *Model) refilter(was domain.AgendaItem, had bool) {
	m.shown, m.counts = m.shown[:0], map[domain.AgendaSection]counts{}
	for i, it := range m.agenda.Items {
		if m.mine && !it.Mine {
			continue
		}
		c := m.counts[it.Section]
		c.n++
		if it.Urgent {
			c.urgent++
		}
		if capped(it.Section) && !it.Urgent && c.n-c.urgent-c.hidden > teamNext {
			c.hidden++ // in the queue, a key away
		} else {
			m.shown = append(m.shown, i)
		}
		m.counts[it.Section] = c
	}
	if !m.mine { // the team's lines not read are never anyone's own
		for s, more := range m.agenda.More {
			c := m.counts[s]
			c.n, c.hidden, c.urgent = c.n+more, c.hidden+more, c.urgent+m.agenda.MoreUrgent[s]
			m.counts[s] = c
		}
	}
	if had {
		m.cursor = m.find(was)
	}
	m.relayout()
}

// find is where item was shows now: the same line, else the line that opens the same
// record in the same section (its words changed: a colleague corrected a name), else
// the cursor's place, the nearest line to where it was.
func (m *Model) find(was domain.AgendaItem) int {
	same := -1
	for i, ri := range m.shown {
		it := m.agenda.Items[ri]
		if it.Section != was.Section || it.Open != was.Open {
			continue
		}
		if it.Text == was.Text {
			return i
		}
		if same < 0 {
			same = i
		}
	}
	if same >= 0 {
		return same
	}
	return m.cursor
}
