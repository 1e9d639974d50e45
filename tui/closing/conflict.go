package closing

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
)

// otherMsg is the case's discharge draft as stored now (found false: none, signed or
// never begun): read after a refused save, or on a change made by another process.
type otherMsg struct {
	draft    domain.DischargeSummary
	found    bool
	err      error
	checking bool
}

// keptMsg is the typed text landing in a note draft; closing leaves after it.
type keptMsg struct {
	err     error
	closing bool
}

// refused handles a save or a signing the store refused: a conflict when the draft was
// saved or signed elsewhere, else the sentence. Nothing typed is dropped either way.
func (m *Model) refused(err error) tea.Cmd {
	c, ok := autosave.Detect(err)
	if !ok {
		m.problem = "Not saved: " + err.Error()
		if m.leaving {
			// Leaving must always be possible (the case was closed elsewhere, say): the
			// text is kept as a note draft, and the form closes.
			m.leaving = false
			return m.keep(true)
		}
		return nil
	}
	m.leaving = false
	m.conflict = &c
	m.auto.Hold()
	return m.read(false)
}

// check reads the draft as stored when another process changed the database.
func (m *Model) check() tea.Cmd {
	if !m.loaded || m.auto.Saving() || m.dialog != nil {
		return nil
	}
	return m.read(m.conflict == nil)
}

func (m *Model) read(checking bool) tea.Cmd {
	ctx, src, caseID := m.com.Ctx, m.src, m.caseID
	return func() tea.Msg {
		d, ok, err := src.DischargeDraft(ctx, caseID)
		return otherMsg{draft: d, found: ok, err: err, checking: checking}
	}
}

// changed reports whether the draft as stored is not the one this form holds: saved
// since, begun elsewhere, or gone (signed: the case closed).
func (m *Model) changed(msg otherMsg) bool {
	base := m.auto.Base()
	switch {
	case base.ID == 0:
		return msg.found
	case !msg.found:
		return true
	}
	// Revisions only grow: a read older than our own latest save is no news.
	return msg.draft.ID != base.ID || msg.draft.Revision > base.Revision
}

func (m *Model) other(msg otherMsg) tea.Cmd {
	switch {
	case msg.err != nil && msg.checking:
		return nil
	case msg.err != nil:
		m.problem = "The other version could not be read: " + msg.err.Error()
		return nil
	case msg.checking:
		if m.conflict != nil || m.auto.Saving() || !m.changed(msg) {
			return nil
		}
		c := &autosave.Conflict{Who: m.com.Me.Name, At: msg.draft.UpdatedAt, Signed: !msg.found}
		if !msg.found {
			c.At = m.com.Clock.Now()
		}
		m.conflict = c
		m.auto.Hold()
	}
	if m.conflict != nil {
		m.theirs = domain.DischargeSummary{}
		if msg.found {
			m.theirs = msg.draft
		}
		m.conflict.Other = summaryText(m.theirs)
	}
	return nil
}

func (m *Model) conflictKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.ckeys
	switch {
	case key.Matches(msg, k.Keep):
		return m.keep(false), true
	case key.Matches(msg, k.Leave):
		if !m.auto.Unsaved() {
			return m.close(""), true
		}
		return m.keep(true), true
	case key.Matches(msg, k.Sides):
		m.conflict.Sides = !m.conflict.Sides
		return nil, true
	case key.Matches(msg, k.Load) && m.theirs.ID == 0:
		return m.close("Your text was dropped; the discharge summary stands as signed elsewhere."), true
	case key.Matches(msg, k.Load) && m.theirs.AuthorID == m.com.Me.ID:
		m.auto.Load(m.theirs)
		m.fill(m.theirs)
		m.conflict = nil
		return m.refocus(), true
	case key.Matches(msg, k.Over) && !m.conflict.Signed && m.theirs.ID != 0 && m.theirs.AuthorID == m.com.Me.ID:
		m.auto.Reset(m.theirs)
		m.conflict = nil
		return m.auto.Save(), true
	}
	return nil, false
}

// keep stores what is typed as a note draft of the case, touching the other version not
// at all; closing leaves after.
func (m *Model) keep(closing bool) tea.Cmd {
	typed, ctx := m.typed(), m.com.Ctx
	return func() tea.Msg { return keptMsg{err: m.keepAsNote(ctx, typed), closing: closing} }
}

func (m *Model) kept(msg keptMsg) tea.Cmd {
	if msg.err != nil {
		m.problem = "Not kept: " + msg.err.Error()
		return nil
	}
	m.auto.Load(m.auto.Base()) // the text is safe in the note; nothing left unsaved here
	info := "Your text is kept as a note draft of this case: Today lists it with your drafts."
	if msg.closing {
		return tea.Sequence(common.Cmd(common.CaseChangedMsg{CaseID: m.caseID}), common.Cmd(common.InfoMsg{Text: info}), common.Back)
	}
	return common.Cmd(common.InfoMsg{Text: info})
}
