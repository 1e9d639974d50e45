package noteeditor

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
)

// otherMsg is the draft as stored now: read after a refused save, or on a change made
// by another process (checking), to see whether it is this draft that changed.
type otherMsg struct {
	note     domain.Note
	err      error
	checking bool
}

// refused handles a save the store refused: a conflict when the draft was saved or
// signed elsewhere, else the store's sentence. Nothing typed is dropped either way.
func (m *Model) refused(err error) tea.Cmd {
	c, ok := autosave.Detect(err)
	if !ok {
		m.problem = "Not saved: " + err.Error()
		return nil
	}
	m.conflict = &c
	m.auto.Hold()
	return m.read(false)
}

// check reads the draft as stored when another process changed the database, unless a
// save of ours is under way (its landing will tell).
func (m *Model) check() tea.Cmd {
	if m.conflict != nil || m.auto.Saving() {
		return nil
	}
	return m.read(true)
}

func (m *Model) read(checking bool) tea.Cmd {
	id := m.auto.Base().ID
	if id == 0 {
		return nil
	}
	ctx, saver := m.com.Ctx, m.saver
	return func() tea.Msg {
		n, err := saver.Note(ctx, id)
		return otherMsg{note: n, err: err, checking: checking}
	}
}

func (m *Model) other(msg otherMsg) tea.Cmd {
	switch {
	case msg.err != nil && msg.checking:
		return nil // the next change, or the next save, will tell
	case msg.err != nil:
		m.problem = "The other version could not be read: " + msg.err.Error()
		return nil
	case msg.checking:
		n := msg.note
		// Revisions only grow: a read older than our own latest save is no news.
		if m.conflict != nil || m.auto.Saving() || (!n.Signed() && n.Revision <= m.auto.Base().Revision) {
			return nil
		}
		at := n.UpdatedAt
		if n.Signed() {
			at = n.SignedAt
		}
		// A draft is its author's alone, so the other window is theirs too.
		m.conflict = &autosave.Conflict{Who: m.com.Me.Name, At: at, Signed: n.Signed()}
		m.auto.Hold()
	}
	if m.conflict != nil {
		m.theirs, m.conflict.Other = msg.note, msg.note.Text
	}
	return nil
}

// conflictKey takes the choices offered in conflict; ok is false for any other key,
// which edits the text as usual.
func (m *Model) conflictKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := m.ckeys
	switch {
	case key.Matches(msg, k.Keep):
		return m.keepAsNew(), true
	case key.Matches(msg, k.Leave):
		if !m.auto.Unsaved() {
			return m.close(""), true // nothing typed since the last save: nothing to keep
		}
		m.auto.Reset(domain.Note{CaseID: m.caseID})
		m.conflict, m.keptNew = nil, true
		_, cmd := m.auto.Close() // saves the new draft, then closes
		return tea.Batch(cmd, kept), true
	case key.Matches(msg, k.Sides):
		m.conflict.Sides = !m.conflict.Sides
		return nil, true
	case key.Matches(msg, k.Load) && m.theirs.ID != 0:
		if m.theirs.Signed() {
			return m.close("Your text was dropped; the signed note stands as signed."), true
		}
		m.auto.Load(m.theirs)
		m.fill(m.theirs)
		m.conflict = nil
		return m.refocus(), true
	case key.Matches(msg, k.Over) && !m.conflict.Signed && m.theirs.ID != 0:
		m.auto.Reset(m.theirs)
		m.conflict = nil
		return m.auto.Save(), true
	}
	return nil, false
}

// keepAsNew makes the next save start a new draft on the case holding the text typed
// here; the other draft stays as it is.
func (m *Model) keepAsNew() tea.Cmd {
	m.auto.Reset(domain.Note{CaseID: m.caseID})
	m.conflict, m.keptNew = nil, true
	return tea.Batch(m.auto.Save(), kept)
}

var kept = common.Cmd(common.InfoMsg{Text: "Your text is kept as a new draft of this case; the other is unchanged."})
