// Package admin is the home screen of IT's admin (docs/RULES.md, "Roles"): the team
// with each member's access and keys, the last backup and verify, the database file's
// size and schema, and the commands to run on the server for keys and backups. It shows
// no clinical record and opens none: an admin looks after the server, never the records.
package admin

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/list"
)

// Source is what the admin screen reads: nothing about a person's record.
type Source interface {
	// Clinicians is the team, deactivated members too.
	Clinicians(ctx context.Context) ([]domain.Clinician, error)
	// KeysInUse counts each clinician's keys that are not revoked, by id.
	KeysInUse(ctx context.Context) (map[int64]int, error)
	// SafetyChecks are the last backup and verify.
	SafetyChecks(ctx context.Context) (domain.SafetyChecks, error)
	// FileHealth is the database file's size and schema.
	FileHealth(ctx context.Context) (domain.FileHealth, error)
}

// Sessions is what caseload serve tells IT of itself through the Source it hands the
// screen; the app on a file alone has no server and says nothing of sessions.
type Sessions interface {
	// OpenSessions is how many sessions are open now, and the most allowed.
	OpenSessions() (open, most int)
}

// facts are what one load reads.
type facts struct {
	team   []domain.Clinician
	keys   map[int64]int
	safety domain.SafetyChecks
	file   domain.FileHealth
	served bool // on caseload serve: open and most say its sessions
	open   int
	most   int
}

type loadedMsg struct {
	facts facts
	err   error
}

// Model is the admin screen.
type Model struct {
	com    common.Common
	src    Source
	keys   KeyMap
	width  int
	height int

	loads  list.Loads
	now    time.Time
	loaded bool
	facts  facts
	lines  []line // laid out for the width
	offset int    // first line on screen
}

// New builds the admin screen; it loads nothing until Init's command runs.
func New(com common.Common, src Source) *Model {
	return &Model{com: com, src: src, keys: DefaultKeyMap()}
}

// Init loads the team and the file's health.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Server" }

// Capturing is always false: the screen takes no text.
func (m *Model) Capturing() bool { return false }

// SetSize lays the lines out again for a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.relayout()
}

func (m *Model) load() tea.Cmd {
	ctx, src := m.com.Ctx, m.src
	return func() tea.Msg {
		var f facts
		var err error
		if f.team, err = src.Clinicians(ctx); err != nil {
			return loadedMsg{err: err}
		}
		if f.keys, err = src.KeysInUse(ctx); err != nil {
			return loadedMsg{err: err}
		}
		if f.safety, err = src.SafetyChecks(ctx); err != nil {
			return loadedMsg{err: err}
		}
		if f.file, err = src.FileHealth(ctx); err != nil {
			return loadedMsg{err: err}
		}
		if s, ok := src.(Sessions); ok {
			f.served = true
			f.open, f.most = s.OpenSessions()
		}
		return loadedMsg{facts: f}
	}
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, m.loads.Land(common.Cmd(common.ErrorMsg{Err: msg.err}), m.load)
		}
		m.loaded, m.facts = true, msg.facts
		m.relayout()
		return m, m.loads.Land(nil, m.load)
	case common.TickMsg:
		// The ages of the backup and verify move with the clock.
		m.now = msg.Now
		return m, m.loads.Ask(m.load)
	case common.DataChangedMsg:
		return m, m.loads.Ask(m.load)
	case tea.KeyPressMsg: // the screen has nothing to select: the keys scroll
		m.offset, _ = m.keys.Scroll(msg, m.offset, len(m.lines), m.bodyHeight())
	}
	return m, nil
}

// bodyHeight is the room under the summary line.
func (m *Model) bodyHeight() int { return max(m.height-1, 0) }
