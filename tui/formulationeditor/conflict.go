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

// keptMsg is the text kept (keepNow) landing: as a new formulation draft, or as a
// note draft when draft is zero; closing leaves after it.
type keptMsg struct {
	draft   domain.Formulation
	err     error
	closing bool
}

func (m *Model) refused(err error) tea.Cmd {
	c, ok := autosave.Detect(err)
	if !ok {
		m.problem = "Not saved: " + err.Error()
		if m.leaving {
			// Leaving must always be possible (a colleague began the case's one draft
			// first, say): the text is kept where it can be, and the editor closes.
			m.leaving = false
			return m.keep(true)
		}
		return nil
	}
	m.conflict = &c
	m.auto.Hold()
	return m.read(false)
}

func (m *Model) check() tea.Cmd {
	switch {
	case !m.loaded || m.auto.Saving():
		return nil
	case m.conflict != nil:
		return m.read(false) // what the other is now, for the choices
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
	// Revisions only grow: a read older than our own latest save is no news.
	return latest.ID != base.ID || latest.Signed() || latest.Revision > base.Revision
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
	if c := m.conflict; c != nil {
		m.theirs, c.Other = msg.latest, sectionsText(msg.latest)
		if f := msg.latest; f.Signed() && f.AuthorID == m.com.Me.ID {
			c.Signed, c.At = true, f.SignedAt
		}
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

// keep keeps the typed text without touching the other version; closing leaves after.
func (m *Model) keep(closing bool) tea.Cmd {
	keep := m.keepNow()
	return func() tea.Msg {
		f, err := keep()
		return keptMsg{draft: f, err: err, closing: closing}
	}
}

// keepNow is the saving, in a command, of the typed sections where they touch nothing
// else: the case's latest version is read first, and if it is signed the text becomes
// the draft of the version after it; while it is still a draft (held by another
// window: a case has one at a time) the text is kept as a note draft on the case. f is
// the new formulation draft, or zero for a note.
func (m *Model) keepNow() func() (f domain.Formulation, err error) {
	typed, ctx := m.typed(), m.com.Ctx
	return func() (domain.Formulation, error) { return m.keepElsewhere(ctx, typed) }
}

// keepElsewhere stores typed where nobody else's draft is: the next version when the
// latest is signed, else (the case's one draft is held elsewhere) a note draft of the
// case. It reads only values fixed when the editor was made, so it may run in a
// command or after the program has stopped.
func (m *Model) keepElsewhere(ctx context.Context, typed domain.Formulation) (domain.Formulation, error) {
	src, me, clk, caseID := m.src, m.com.Me.ID, m.com.Clock, m.caseID
	fs, err := src.Formulations(ctx, caseID)
	if err != nil {
		return domain.Formulation{}, err
	}
	if len(fs) > 0 && fs[0].Signed() {
		typed.ID, typed.Revision = 0, 0
		typed.Version, typed.SupersedesID = fs[0].Version+1, fs[0].ID
		return src.SaveFormulationDraft(ctx, me, clk.Now(), typed)
	}
	text := "Formulation text kept when the case's formulation draft was changed in another window:\n\n" + sectionsText(typed)
	_, err = src.SaveNoteDraft(ctx, me, clk.Now(), domain.Note{CaseID: caseID, Text: text})
	return domain.Formulation{}, err
}

func (m *Model) kept(msg keptMsg) tea.Cmd {
	if msg.err != nil {
		m.problem = "Not kept: " + msg.err.Error()
		return nil
	}
	info := "Your text is kept as a note draft of this case: the formulation draft is held in another window."
	if msg.draft.ID != 0 {
		info = fmt.Sprintf("Your text is kept as the draft of version %d.", msg.draft.Version)
		m.draft, m.conflict = msg.draft, nil
		m.auto.Load(msg.draft)
	} else {
		m.auto.Load(m.auto.Base()) // the text is safe in the note; nothing left unsaved here
	}
	if msg.closing {
		return m.close(info)
	}
	return common.Cmd(common.InfoMsg{Text: info})
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
