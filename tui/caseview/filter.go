package caseview

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/filter"
	"caseload/tui/component/list"
)

// The notes and the timeline of a case filter as every list does (`/`,
// tui/component/filter): the notes by when, type, author, state and words; the
// timeline's events by what they say. The cursor on the notes tab moves over the notes
// that match; enter on a filter that matches one note opens it.

// filters says whether the tab on screen filters.
func (m *Model) filters() bool {
	return m.loaded && m.dialog == nil && (m.tab == TabNotes || m.tab == TabTimeline)
}

// filterKey hands a key to the filter on a tab that filters, and reports whether it
// took it.
func (m *Model) filterKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if !m.filters() {
		return nil, false
	}
	if m.filter.Active() && key.Matches(msg, m.fkeys.ApplyFilter) && m.tab == TabNotes && len(m.hits) == 1 {
		m.filter.Update(msg, m.fkeys, list.DefaultNav())
		m.cursor = 0
		return common.Cmd(common.OpenNoteMsg{NoteID: m.rec.notes[m.hits[0]].ID}), true
	}
	changed, handled, cmd := m.filter.Update(msg, m.fkeys, list.Nav{Up: m.keys.Up, Down: m.keys.Down})
	if changed {
		m.refilter()
		m.cursor, m.offset = 0, 0
	}
	return cmd, handled
}

// refilter works out the notes that match the query, after it or the notes changed.
// With no query every note shows and hits is nil.
func (m *Model) refilter() {
	m.hits = nil
	q := m.filter.Value()
	if strings.TrimSpace(q) == "" {
		return
	}
	m.hits = filter.Match(len(m.rec.notes), q, func(i int) (string, bool) {
		n := m.rec.notes[i]
		return domain.FoldForSearch(strings.Join([]string{common.MediumTime(n.ContactAt, m.com.London),
			n.Type.Label(), m.rec.name(n.AuthorID), noteState(n), n.Text}, "\x00")), true
	})
}

// noteCount is how many notes the cursor moves over: those that match a query, else all.
func (m *Model) noteCount() int {
	if m.hits != nil || strings.TrimSpace(m.filter.Value()) != "" {
		return len(m.hits)
	}
	return len(m.rec.notes)
}

// noteAt is the index into the notes of the i-th note shown.
func (m *Model) noteAt(i int) int {
	if m.hits != nil || strings.TrimSpace(m.filter.Value()) != "" {
		return m.hits[i]
	}
	return i
}

// timelineMatches says whether an event's words hold every word of the query.
func (m *Model) timelineMatches(words ...string) bool {
	q := strings.Fields(domain.FoldForSearch(m.filter.Value()))
	hay := domain.FoldForSearch(strings.Join(words, "\x00"))
	for _, w := range q {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// filterLine is the filter at the foot of the tab, or "" when none shows.
func (m *Model) filterLine(matched, total int) string {
	if !m.filters() || !m.filter.Shown() {
		return ""
	}
	return m.filter.View(m.com.Theme, matched, total, m.width)
}

// filterHelp is the filter's keys for the footer of a tab that filters.
func (m *Model) filterHelp() []key.Binding {
	if m.filter.Active() {
		return m.fkeys.Typing()
	}
	return []key.Binding{m.fkeys.Filter}
}
