// Package caseview is a person's case, where clinicians work every day: a summary, the
// formulation with its versions, the clinical notes, and the timeline of everything that
// happened, each on its own tab.
package caseview

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/confirm"
	"caseload/tui/component/filter"
	"caseload/tui/component/list"
)

// The tabs, in the order tab moves through them.
const (
	TabSummary     = "summary"
	TabFormulation = "formulation"
	TabNotes       = "notes"
	TabTimeline    = "timeline"
	TabPathway     = "pathway"
	TabForums      = "forums"
	TabDischarge   = "discharge"
	TabOutcomes    = "outcomes"
)

// The tabs keep the numbers clinicians learned first; the pathway and forums follow.
var tabs = []string{TabSummary, TabFormulation, TabNotes, TabTimeline, TabPathway, TabForums, TabDischarge, TabOutcomes}

// Model is the case view.
type Model struct {
	com    common.Common
	src    Source
	caseID int64
	keys   KeyMap
	width  int
	height int

	tab     string
	rec     record
	now     time.Time
	loaded  bool
	offset  int // first line shown on scrolling tabs
	cursor  int // the selected note, or version in the history
	history bool
	compare bool
	changes []domain.SectionChange // the compare on screen, worked out when chosen
	older   domain.Formulation
	newer   domain.Formulation
	marked  int // the version picked to compare against, by index; -1 for the one before
	dialog  *confirm.Model
	pathway domain.Pathway // worked out on load and when the London day changes
	loads   list.Loads     // one load at a time, however often the data changes
	held    *loadedMsg     // a reload that landed while the signing dialog was open
	// The filter of the notes and timeline tabs (filter.go), and the notes that match
	// it, as indexes into rec.notes (nil with no query).
	filter filter.Model
	fkeys  filter.KeyMap
	hits   []int
}

// New builds the view of a case, opening on tab ("" for the summary).
func New(com common.Common, src Source, caseID int64, tab string) *Model {
	if tab == "" {
		tab = TabSummary
	}
	return &Model{com: com, src: src, caseID: caseID, keys: DefaultKeyMap(), tab: tab, marked: -1,
		filter: filter.New("words, type, author or date"), fkeys: filter.DefaultKeyMap()}
}

// Init loads the case.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen after the person.
func (m *Model) Title() string {
	if !m.loaded {
		return "Case"
	}
	return fmt.Sprintf("Case %d · %s", m.caseID, m.rec.summary.Referral.Person.Name())
}

// Capturing is true while the filter of the notes or the timeline is typed.
func (m *Model) Capturing() bool { return m.filter.Active() }

// SetSize keeps the size for drawing.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.filter.SetWidth(w)
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.caseID != m.caseID {
			return m, nil
		}
		return m, m.landed(msg)
	case common.CaseChangedMsg:
		if msg.CaseID == m.caseID {
			return m, m.reload()
		}
	case common.DataChangedMsg:
		// A colleague in another process may have written to this case.
		return m, m.reload()
	case common.TickMsg:
		day := m.today()
		m.now = msg.Now
		if m.loaded && m.today() != day {
			m.pathway = domain.PathwayOf(m.rec.release, m.today())
		}
	case confirm.Result:
		cmd := m.answered(msg) // reads the draft the dialog was opened on
		m.applyHeld()
		return m, cmd
	case signedMsg:
		if msg.err != nil {
			return m, common.Cmd(common.ErrorMsg{Err: msg.err})
		}
		return m, tea.Batch(common.Cmd(common.CaseChangedMsg{CaseID: m.caseID}),
			common.Cmd(common.InfoMsg{Text: msg.text}))
	case tea.KeyPressMsg:
		if m.dialog != nil {
			return m, m.dialog.Update(msg)
		}
		if cmd, ok := m.filterKey(msg); ok {
			return m, cmd
		}
		return m, m.key(msg)
	case tea.PasteMsg:
		if m.filters() && m.filter.Paste(msg) {
			m.refilter()
			m.cursor, m.offset = 0, 0
		}
	case common.PointerMsg:
		if m.dialog == nil {
			return m, m.pointer(msg)
		}
	default:
		if m.dialog != nil {
			return m, m.dialog.Update(msg)
		}
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		switch {
		case m.compare: // back to the list of versions
			m.compare, m.offset = false, 0
			return nil
		case m.history:
			m.history, m.offset, m.marked = false, 0, -1
			return nil
		}
		return common.Back
	case key.Matches(msg, k.NextTab), key.Matches(msg, k.PrevTab):
		step := 1
		if key.Matches(msg, k.PrevTab) {
			step = len(tabs) - 1
		}
		m.setTab(tabs[(indexOf(m.tab)+step)%len(tabs)])
	case key.Matches(msg, k.Summary):
		m.setTab(TabSummary)
	case key.Matches(msg, k.Formulation):
		m.setTab(TabFormulation)
	case key.Matches(msg, k.Notes):
		m.setTab(TabNotes)
	case key.Matches(msg, k.Timeline):
		m.setTab(TabTimeline)
	case key.Matches(msg, k.Pathway):
		m.setTab(TabPathway)
	case key.Matches(msg, k.Forums):
		m.setTab(TabForums)
	case key.Matches(msg, k.Discharge):
		m.setTab(TabDischarge)
	case key.Matches(msg, k.Outcomes):
		m.setTab(TabOutcomes)
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case !m.loaded:
	default:
		return m.action(msg)
	}
	return nil
}

func (m *Model) setTab(t string) {
	m.tab, m.offset, m.cursor, m.history, m.compare, m.marked = t, 0, 0, false, false, -1
	m.filter.Clear()
	m.hits = nil
}

func indexOf(tab string) int {
	for i, t := range tabs {
		if t == tab {
			return i
		}
	}
	return 0
}

// listLen is how many items the cursor moves over on this tab (0 where it scrolls).
func (m *Model) listLen() int {
	switch {
	case m.tab == TabNotes:
		return m.noteCount()
	case m.tab == TabFormulation && m.history:
		return len(m.rec.formulations)
	case m.tab == TabForums:
		return m.forumItems()
	case m.tab == TabOutcomes:
		return len(m.rec.outcomes.selectable())
	}
	return 0
}

// listTop is how many heading lines stand above a list's first item.
const listTop = 2

func (m *Model) move(n int) {
	if m.tab == TabOutcomes {
		m.moveOutcomes(n)
		return
	}
	l := m.listLen()
	if l == 0 {
		m.offset = max(m.offset+n, 0)
		return
	}
	m.cursor = min(max(m.cursor+n, 0), l-1)
	// Keep the selected item's line on screen.
	line, h := listTop+m.cursor, max(m.room(), 1)
	if line >= m.offset+h {
		m.offset = line - h + 1
	}
	if line < m.offset+listTop {
		m.offset = max(line-listTop, 0)
	}
}
