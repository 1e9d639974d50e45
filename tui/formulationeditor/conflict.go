package formulationeditor

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
)

// otherMsg is the case's latest version as stored: read after a refused save, or on a
// change made by another process (checking).
type otherMsg struct {
	latest   domain.Formulation
	err      error
	checking bool
}

// keptMsg is the text kept as a note draft (asNote) landing; closing leaves after it.
type keptMsg struct {
	err     error
	closing bool
}

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

func (m *Model) check() tea.Cmd {
	if !m.loaded || m.conflict != nil || m.auto.Saving() {
		return nil
	}
	return m.read(true)
}

func (m *Model) read(checking bool) tea.Cmd {
	ctx, src, caseID := m.com.Ctx, m.src, m.caseID
	return func() tea.Msg {
		fs, err := src.Formulations(ctx, caseID)
		if err == nil && len(fs) == 0 {
			return otherMsg{checking: checking}
		}
		if err != nil {
			return otherMsg{err: err, checking: checking}
		}
		return otherMsg{latest: fs[0], checking: checking}
	}
}

// changed reports whether latest is not the draft this editor holds: saved or signed
// since, or a version this editor meant to start begun elsewhere.
func (m *Model) changed(latest domain.Formulation) bool {
	base := m.auto.Base()
	if base.ID == 0 {
		return latest.ID != 0 && latest.Version >= base.Version
	}
	return latest.ID != base.ID || latest.Signed() || latest.Revision != base.Revision
}

func (m *Model) other(msg otherMsg) tea.Cmd {
	switch {
	case msg.err != nil && msg.checking:
		return nil
	case msg.err != nil:
		m.problem = "The other version could not be read: " + msg.err.Error()
		return nil
	case msg.checking:
		f := msg.latest
		if m.conflict != nil || m.auto.Saving() || !m.changed(f) || f.AuthorID != m.com.Me.ID {
			return nil
		}
		at := f.UpdatedAt
		if f.Signed() {
			at = f.SignedAt
		}
		m.conflict = &autosave.Conflict{Who: m.com.Me.Name, At: at, Signed: f.Signed()}
		m.auto.Hold()
	}
	if m.conflict != nil {
		m.theirs, m.conflict.Other = msg.latest, sectionsText(msg.latest)
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
	case key.Matches(msg, k.Load) && m.theirs.ID != 0:
		if m.theirs.Signed() {
			return m.close("Your text was dropped; the signed version stands."), true
		}
		m.draft = m.theirs
		m.auto.Load(m.theirs)
		m.fill(m.theirs)
		m.conflict = nil
		return nil, true
	case key.Matches(msg, k.Over) && !m.conflict.Signed && !m.theirs.Signed() && m.theirs.ID != 0:
		m.draft = m.theirs
		m.auto.Reset(m.theirs)
		m.conflict = nil
		return m.auto.Save(), true
	}
	return nil, false
}

// nextVersion is the draft to keep the text in when the other was signed: the version
// after it. ok is false while the other is still a draft (a case has one at a time).
func (m *Model) nextVersion() (domain.Formulation, bool) {
	t := m.theirs
	if t.ID == 0 || !t.Signed() {
		return domain.Formulation{}, false
	}
	return domain.Formulation{CaseID: m.caseID, Version: t.Version + 1, SupersedesID: t.ID}, true
}

// keep keeps the typed text without touching the other version: as the next version
// when the other was signed, else as a note draft on the case; closing leaves after.
func (m *Model) keep(closing bool) tea.Cmd {
	if base, ok := m.nextVersion(); ok {
		m.auto.Reset(base)
		m.draft, m.conflict = base, nil
		info := common.Cmd(common.InfoMsg{Text: fmt.Sprintf("Your text is kept as the draft of version %d.", base.Version)})
		if closing {
			_, cmd := m.auto.Close()
			return tea.Batch(cmd, info)
		}
		return tea.Batch(m.auto.Save(), info)
	}
	keep := m.asNote()
	return func() tea.Msg { return keptMsg{err: keep(), closing: closing} }
}

func (m *Model) kept(msg keptMsg) tea.Cmd {
	if msg.err != nil {
		m.problem = "Not kept: " + msg.err.Error()
		return nil
	}
	m.auto.Load(m.auto.Base()) // the text is safe in the note; nothing left unsaved here
	info := "Your text is kept as a note draft of this case: the formulation draft is held in another window."
	if msg.closing {
		return m.close(info)
	}
	return common.Cmd(common.InfoMsg{Text: info})
}

// asNote is the saving of the typed sections as a note draft, the one place the text
// can be kept while the case's one formulation draft is held by another window.
func (m *Model) asNote() func() error {
	text := fmt.Sprintf("Formulation text kept when version %d was changed in another window:\n\n%s",
		m.draft.Version, sectionsText(m.typed()))
	n := domain.Note{CaseID: m.caseID, Text: text}
	src, me, clk := m.src, m.com.Me.ID, m.com.Clock
	return func() error {
		// Its own context: the session's is cancelled at quit, when Flush runs this.
		_, err := src.SaveNoteDraft(context.Background(), me, clk.Now(), n)
		return err
	}
}

// sectionsText is a version's written sections as plain text, for side by side.
func sectionsText(f domain.Formulation) string {
	var b strings.Builder
	for _, s := range domain.FormulationSections {
		if t := strings.TrimSpace(f.Text(s.ID)); t != "" {
			b.WriteString(s.Title + ":\n" + t + "\n\n")
		}
	}
	return strings.TrimSpace(b.String())
}
