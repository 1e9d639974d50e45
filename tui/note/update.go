package note

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/confirm"
)

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, tea.Batch(common.Cmd(common.ErrorMsg{Err: msg.err}), common.Back)
		}
		m.note, m.names, m.loaded = msg.note, msg.names, true
		m.refresh()
		return m, m.reopen()
	case common.CaseChangedMsg:
		if m.loaded && msg.CaseID == m.note.CaseID {
			return m, m.Init()
		}
	case common.DataChangedMsg:
		// Another process may have saved or signed this note: read it again, keeping
		// the scroll position; an open dialog then shows the newer text (reopen).
		if m.loaded {
			return m, m.Init()
		}
	case confirm.Result:
		return m, m.answered(msg)
	case signedMsg:
		if msg.err != nil {
			return m, m.refused(msg.err)
		}
		return m, tea.Batch(common.Cmd(common.CaseChangedMsg{CaseID: msg.note.CaseID}),
			common.Cmd(common.InfoMsg{Text: "Note signed at " + common.MediumTime(msg.note.SignedAt, m.com.London) +
				"; it can no longer change, only gain addenda."}))
	case tea.KeyPressMsg:
		if m.dialog != nil {
			// The note stays readable under the dialog: the arrows scroll it.
			switch {
			case key.Matches(msg, m.keys.Up):
				m.vp.ScrollUp(1)
				return m, nil
			case key.Matches(msg, m.keys.Down):
				m.vp.ScrollDown(1)
				return m, nil
			}
			return m, m.dialog.Update(msg)
		}
		return m, m.key(msg)
	default:
		if m.dialog != nil {
			return m, m.dialog.Update(msg)
		}
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	n := m.note
	switch {
	case key.Matches(msg, m.keys.Back):
		return common.Back
	case key.Matches(msg, m.keys.Up):
		m.vp.ScrollUp(1)
	case key.Matches(msg, m.keys.Down):
		m.vp.ScrollDown(1)
	case !m.loaded:
	case key.Matches(msg, m.keys.Edit):
		switch err := domain.CheckDraftEdit(n.AuthorID, m.com.Me.ID, n.Signed()); {
		case errors.Is(err, domain.ErrSigned):
			return common.Cmd(common.InfoMsg{Text: "A signed note cannot be changed: press a to add a correction as an addendum."})
		case err != nil:
			return common.Cmd(common.InfoMsg{Text: "Drafts belong to their author; only they can edit this one."})
		}
		return common.Cmd(common.EditNoteMsg{Note: n})
	case key.Matches(msg, m.keys.Sign):
		if err := n.CheckForSigning(m.com.Me.ID, m.com.Clock.Now()); err != nil {
			return common.Cmd(common.InfoMsg{Text: capital(err.Error()) + "."})
		}
		return m.ask("")
	case key.Matches(msg, m.keys.Addendum):
		if !n.Signed() {
			return common.Cmd(common.InfoMsg{Text: "A draft is edited, not given addenda: press e to edit it."})
		}
		return common.Cmd(AddendumMsg{Note: n})
	}
	return nil
}

// AddendumMsg asks the root to open the addendum form for a signed note.
type AddendumMsg struct{ Note domain.Note }

func (m *Model) answered(r confirm.Result) tea.Cmd {
	if m.dialog == nil || r.Dialog != m.dialog {
		return nil
	}
	m.dialog = nil
	if !r.Confirmed {
		m.layout()
		return common.Cmd(common.InfoMsg{Text: "Not signed."})
	}
	m.layout()
	// The revision the dialog showed, not whatever is stored by now: the store refuses
	// it if the draft was saved since (docs/HAZARDS.md, "signed text not seen").
	ctx, src, me, clk, id, rev := m.com.Ctx, m.src, m.com.Me.ID, m.com.Clock, m.note.ID, m.signing
	return func() tea.Msg {
		n, err := src.SignNote(ctx, me, clk.Now(), id, rev)
		return signedMsg{note: n, err: err}
	}
}

func capital(s string) string {
	r := []rune(s)
	if len(r) > 0 && r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}
