// Package auditlog is the audit log as a lead reads it: every entry newest first, who
// did what to which record and when, narrowed by person, by clinician or by day, read
// a page at a time so a log of a million entries costs what one screen shows.
package auditlog

import (
	"context"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/filter"
	"caseload/tui/component/list"
)

// Source is what the log needs from the store.
type Source interface {
	AuditLog(ctx context.Context, f domain.AuditFilter) ([]domain.AuditLine, error)
	Clinicians(ctx context.Context) ([]domain.Clinician, error)
}

// pageSize is how many entries one read brings: a few screens' worth.
const pageSize = 100

// pageMsg is a page read for the filter of generation gen; more is false once a read
// came back short, so there is nothing older to read.
type pageMsg struct {
	gen   int
	next  bool // a page after those held, rather than the first page again
	lines []domain.AuditLine
	err   error
}

type cliniciansMsg struct {
	cs  []domain.Clinician
	err error
}

// Model is the audit log screen.
type Model struct {
	com    common.Common
	src    Source
	keys   KeyMap
	width  int
	height int
	page   int // entries a read, pageSize but in tests

	filter     domain.AuditFilter
	labels     filterLabels
	gen        int // the filter's generation: a page read for an older one is dropped
	lines      []domain.AuditLine
	shown      []int
	win        list.Window
	more       bool // the last page came back full: older entries may remain
	loading    bool
	loaded     bool
	clinicians []domain.Clinician

	asking string // "person", "clinician" or "day" while that filter is typed
	input  textinput.Model
	find   filter.Model // `/`: words narrowing the entries read so far (find.go)
	asked  string       // the filter being typed and its words as first said (speech.go)
}

// New builds the audit log, newest first, unfiltered.
func New(com common.Common, src Source) *Model {
	in := textinput.New()
	in.CharLimit = 100
	return &Model{com: com, src: src, keys: DefaultKeyMap(), page: pageSize, input: in,
		find: filter.New("who, what or whose record, in the entries read")}
}

// Init reads the first page and the clinicians the log can be narrowed to.
func (m *Model) Init() tea.Cmd {
	ctx, src := m.com.Ctx, m.src
	return tea.Batch(m.read(false), func() tea.Msg {
		cs, err := src.Clinicians(ctx)
		return cliniciansMsg{cs: cs, err: err}
	})
}

// Title names the screen.
func (m *Model) Title() string { return "Audit log" }

// Capturing is true while a filter is being typed.
func (m *Model) Capturing() bool { return m.asking != "" || m.find.Active() }

// Settling is true while the first page is being read, so keys wait for rows to move over.
func (m *Model) Settling() bool { return !m.loaded }

// SetSize fits the log to a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(max(w-30, 1))
	m.find.SetWidth(w)
	m.win.Clamp(len(m.shown), m.listHeight())
}

// read is the command that reads the first page again (keeping as many entries as are
// held, so a reload does not lose the place) or, with next, the page after the last
// entry held.
func (m *Model) read(next bool) tea.Cmd {
	f := m.filter
	f.Limit = m.page
	if next && len(m.lines) > 0 {
		f.Before = m.lines[len(m.lines)-1].ID
	} else {
		f.Limit = max(len(m.lines), m.page)
	}
	m.loading = true
	ctx, src, gen := m.com.Ctx, m.src, m.gen
	return func() tea.Msg {
		ls, err := src.AuditLog(ctx, f)
		return pageMsg{gen: gen, next: next, lines: ls, err: err}
	}
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case pageMsg:
		return m, m.landed(msg)
	case cliniciansMsg:
		if msg.err != nil {
			return m, common.Cmd(common.ErrorMsg{Err: msg.err})
		}
		m.clinicians = msg.cs
	case common.DataChangedMsg:
		// New entries arrive at the top; the cursor stays on the entry it was on. Deep
		// in the log (past two pages) the lead is reading the past: reading every page
		// again each time a colleague opens a record would cost more than it shows.
		if !m.loading && len(m.lines) <= 2*m.page {
			return m, m.read(false)
		}
	case tea.KeyPressMsg:
		if m.asking != "" {
			return m, m.typing(msg)
		}
		return m, m.find.Keys(msg, m.keys.KeyMap, m.keys.Nav, m.key, m.match, m.clamp)
	case tea.PasteMsg:
		if m.asking != "" {
			return m, m.typing(msg)
		}
		if m.find.Paste(msg) {
			m.match()
		}
	case common.PointerMsg:
		return m, m.pointer(msg)
	}
	return m, nil
}

// landed takes a page: the first again replaces what is held, keeping the cursor on
// its entry; the next is added below.
func (m *Model) landed(msg pageMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.loading = false
	if msg.err != nil {
		m.loaded = true
		return common.Cmd(common.ErrorMsg{Err: msg.err})
	}
	var at int64
	if ri, ok := m.win.Selected(m.shown); ok {
		at = m.lines[ri].ID
	}
	asked := m.page
	if msg.next {
		m.lines = append(m.lines, msg.lines...)
	} else {
		asked = max(len(m.lines), m.page)
		m.lines = msg.lines
	}
	m.more = len(msg.lines) >= asked
	m.shown = m.matching()
	if !msg.next && at != 0 {
		m.win.Keep(m.shown, m.listHeight(), func(ri int) bool { return m.lines[ri].ID == at })
	}
	m.win.Clamp(len(m.shown), m.listHeight())
	m.loaded = true
	return m.readOn()
}

// readOn reads the next page once the cursor is within a screen of the last entry held.
func (m *Model) readOn() tea.Cmd {
	// Words typed after / narrow what is read; reading on for them would read the whole
	// log a page at a time. p, c and d narrow the whole log.
	if !m.more || m.loading || m.find.Value() != "" || m.win.Cursor < len(m.shown)-m.listHeight() {
		return nil
	}
	return m.read(true)
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.win.Navigate(msg, m.keys.Nav, len(m.shown), m.listHeight()) {
		return m.readOn()
	}
	switch {
	case key.Matches(msg, m.keys.Person):
		return m.ask("person", m.labels.person)
	case key.Matches(msg, m.keys.Clinician):
		return m.ask("clinician", m.labels.clinician)
	case key.Matches(msg, m.keys.Day):
		return m.ask("day", m.labels.day)
	case key.Matches(msg, m.keys.Clear):
		if m.labels == (filterLabels{}) {
			return nil
		}
		return m.refilter(domain.AuditFilter{}, filterLabels{})
	case key.Matches(msg, m.keys.Back):
		return common.Back
	}
	return nil
}

// refilter applies a new filter: the log is read again from its newest entry.
func (m *Model) refilter(f domain.AuditFilter, labels filterLabels) tea.Cmd {
	m.filter, m.labels = f, labels
	m.gen++
	m.lines, m.shown, m.win, m.more = nil, nil, list.Window{}, false
	return m.read(false)
}

// listHeight is the rows of entries on screen: the screen less the summary, the
// headings and the foot (the filter being typed).
func (m *Model) listHeight() int { return max(m.height-3, 1) }
