package caseview

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// Rereader is how a case view reads an open case again without writing a second
// "viewed" entry: the store's CaseSummary.
type Rereader interface {
	CaseSummary(ctx context.Context, caseID int64) (domain.CaseSummary, error)
}

// summaryReader is how the next load reads the case's summary: opening the case goes
// through ViewCase, which audits who looked; once it is open, a reload (a note signed
// here or by a colleague in another process) reads it again through CaseSummary, so
// the audit says "viewed" once a time the case is opened.
func (m *Model) summaryReader() func(ctx context.Context, now time.Time) (domain.CaseSummary, error) {
	src, id, me := m.src, m.caseID, m.com.Me.ID
	if !m.loaded {
		return func(ctx context.Context, now time.Time) (domain.CaseSummary, error) {
			return src.ViewCase(ctx, me, now, id)
		}
	}
	return func(ctx context.Context, _ time.Time) (domain.CaseSummary, error) { return src.CaseSummary(ctx, id) }
}

// reload reads the case again, one load at a time (m.loads): what was read before stays
// on screen until the new read lands.
func (m *Model) reload() tea.Cmd { return m.loads.Ask(m.load) }

// place is where the reader is on the case, by record rather than by line, so a reload
// that adds a note above the cursor leaves it on the same note.
type place struct {
	note    int64 // the note under the cursor on the notes tab
	version int   // the formulation version under the cursor in the history
	marked  int   // the version marked to compare against; 0 for none
	meeting int64 // the meeting under the cursor on the forums tab
	score   int64 // the score under the cursor on the outcomes tab
}

// here is the reader's place before a reload.
func (m *Model) here() place {
	var p place
	fs := m.rec.formulations
	switch {
	case m.tab == TabNotes && m.cursor < m.noteCount():
		p.note = m.rec.notes[m.noteAt(m.cursor)].ID
	case m.tab == TabForums:
		if i := m.cursor - len(domain.Forums); i >= 0 && i < len(m.rec.forums.Meetings) {
			p.meeting = m.rec.forums.Meetings[i].ID
		}
	case m.tab == TabFormulation && m.history && m.cursor < len(fs):
		p.version = fs[m.cursor].Version
	case m.tab == TabOutcomes:
		if sc := m.rec.outcomes.selectable(); m.cursor < len(sc) {
			p.score = sc[m.cursor].ID
		}
	}
	if m.marked >= 0 && m.marked < len(fs) {
		p.marked = fs[m.marked].Version
	}
	return p
}

// goBack puts the cursor back on the record it was on after a reload, or, when that
// record is gone, at its place, the nearest; the tab, the history and compare, and the
// scroll stay as they were as far as keeping the cursor on screen allows.
func (m *Model) goBack(p place) {
	fs := m.rec.formulations
	versionAt := func(v int) int {
		for i, f := range fs {
			if f.Version == v {
				return i
			}
		}
		return -1
	}
	switch {
	case m.tab == TabNotes && p.note != 0:
		for i := range m.noteCount() {
			if m.rec.notes[m.noteAt(i)].ID == p.note {
				m.cursor = i
			}
		}
	case m.tab == TabForums && p.meeting != 0:
		for i, mt := range m.rec.forums.Meetings {
			if mt.ID == p.meeting {
				m.cursor = len(domain.Forums) + i
			}
		}
	case m.tab == TabOutcomes && p.score != 0:
		m.cursor = m.scoreAfterReload(p.score)
	case m.tab == TabFormulation && m.history && p.version != 0:
		if i := versionAt(p.version); i >= 0 {
			m.cursor = i
		}
	}
	if m.marked >= 0 {
		m.marked = versionAt(p.marked)
	}
	m.move(0)
}

// reloaded applies a read of the case that lands while it is open.
func (m *Model) reloaded(msg loadedMsg) {
	p := m.here()
	m.rec, m.now = msg.rec, msg.now
	m.pathway = domain.PathwayOf(m.rec.release, m.today())
	m.refilter()
	m.goBack(p)
}

// landed applies a load's answer: the first opens the case, later ones are reloads.
// While the signing dialog is open a reload is held until it closes, so what is signed
// is the draft the dialog was opened on, as read then.
func (m *Model) landed(msg loadedMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		return m.loads.Land(m.failed(msg.err), m.load)
	case m.dialog != nil && m.loaded:
		m.held = &msg
	case m.loaded:
		m.reloaded(msg)
	default:
		m.rec, m.now, m.loaded = msg.rec, msg.now, true
		m.pathway = domain.PathwayOf(m.rec.release, m.today())
		m.cursor = min(m.cursor, max(m.listLen()-1, 0))
	}
	return m.loads.Land(nil, m.load)
}

// failed says why a load failed; when it was the opening, the view closes.
func (m *Model) failed(err error) tea.Cmd {
	if !m.loaded {
		return tea.Batch(common.Cmd(common.ErrorMsg{Err: err}), common.Back)
	}
	return common.Cmd(common.ErrorMsg{Err: err}) // what was read before stays on screen
}

// applyHeld applies a reload held while the signing dialog was open.
func (m *Model) applyHeld() {
	if m.dialog == nil && m.held != nil {
		m.reloaded(*m.held)
		m.held = nil
	}
}
