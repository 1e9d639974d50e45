package note

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/confirm"
)

// ask opens the signing dialog on the note as shown, under the note itself, with
// notice (why it opens again) first when there is one.
func (m *Model) ask(notice string) tea.Cmd {
	n := m.note
	lines := len(strings.Split(strings.TrimRight(n.Text, "\n"), "\n"))
	details := []string{fmt.Sprintf("%s on %s, %s, %s, written by you: the text above, as saved %s.",
		capital(domain.ContactWords(n.Type.Label())), common.MediumTime(n.ContactAt, m.com.London),
		domain.Count(n.DurationMinutes, "minute", "minutes"), domain.Count(lines, "line", "lines"),
		common.MediumTime(n.UpdatedAt, m.com.London)),
		"Once signed it cannot be changed; corrections are added as signed addenda. ↑/↓ scroll the note."}
	if notice != "" {
		details = append([]string{notice}, details...)
	}
	dialog, arm := confirm.New(m.com, "Sign this note?", details...)
	m.dialog, m.signing = dialog, n.Revision
	m.layout()
	m.vp.GotoTop()
	if m.textAt+2 > m.vp.Height() {
		m.vp.SetYOffset(m.textAt) // a short window: the text first, the header is a scroll away
	}
	return arm
}

// reopen, once the note is read again, opens the dialog anew on the newer text when the
// text the open dialog asked about changed (or a signing was refused for it), so the
// clinician reads what they would sign; the new dialog arms afresh.
func (m *Model) reopen() tea.Cmd {
	notice := m.resign
	m.resign = ""
	switch {
	case m.note.Signed() || m.note.AuthorID != m.com.Me.ID:
		if m.dialog != nil {
			m.dialog = nil
			m.layout()
		}
		return nil
	case notice != "":
		return m.ask(notice)
	case m.dialog != nil && m.note.Revision != m.signing:
		return m.ask("This draft was saved again in another window: this is the newer text. Read it before signing.")
	}
	return nil
}

// stale reads a refused signing as the draft changed elsewhere (store.StaleError).
type stale interface {
	Changer() string
	ChangedAt() time.Time
	SignedSince() bool
}

// refused handles a signing the store refused. A draft saved since is read again and
// the dialog opens on the newer text; anything else is said as it is.
func (m *Model) refused(err error) tea.Cmd {
	var s stale
	if errors.As(err, &s) && !s.SignedSince() {
		m.resign = fmt.Sprintf("Not signed: %s saved a newer version at %s. This is it: read it before signing.",
			s.Changer(), common.MediumTime(s.ChangedAt(), m.com.London))
		return m.Init()
	}
	return tea.Batch(common.Cmd(common.ErrorMsg{Err: err}), m.Init())
}
