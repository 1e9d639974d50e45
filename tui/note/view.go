package note

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// lines lays out the note and its addenda for the width.
func (m *Model) lines() []string {
	t := m.com.Theme
	n := m.note
	state := t.Unknown.Render("DRAFT, not signed")
	if n.Signed() {
		state = t.Pass.Render("✓ signed " + common.MediumTime(n.SignedAt, m.com.London))
	}
	if n.LateEntry() {
		state += t.Unknown.Render(" · late entry: written " + common.MediumTime(n.CreatedAt, m.com.London) +
			" for a contact on " + common.MediumTime(n.ContactAt, m.com.London))
	}
	head := [][2]string{
		{"Contact", fmt.Sprintf("%s, %s, %s", n.Type.Label(), common.MediumTime(n.ContactAt, m.com.London), domain.Count(n.DurationMinutes, "minute", "minutes"))},
		{"Present", orNone(n.Present)},
		{"Author", m.name(n.AuthorID)},
		{"State", state},
	}
	var out []string
	for _, p := range head {
		for i, v := range common.Wrap(p[1], max(m.width-10, 1)) {
			l := ""
			if i == 0 {
				l = p[0]
			}
			out = append(out, t.Label.Render(common.Fit(l, 10))+v)
		}
	}
	out = append(out, "")
	m.textAt = len(out)
	out = append(out, common.Wrap(n.Text, m.width)...)
	for i, a := range n.Addenda {
		out = append(out, "", t.Section.Render(fmt.Sprintf("Addendum %d (%s) · %s · signed %s", i+1,
			kindLabel(a.Kind), m.name(a.AuthorID), common.MediumTime(a.SignedAt, m.com.London))))
		out = append(out, common.Wrap(a.Text, m.width)...)
	}
	return out
}

func kindLabel(k domain.AddendumKind) string {
	if k == domain.AddendumCorrection {
		return "correction"
	}
	return "later information"
}

func (m *Model) name(id int64) string {
	if n, ok := m.names[id]; ok {
		return n
	}
	return "unknown clinician"
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "not recorded"
	}
	return s
}

// View draws the note, or the signing dialog.
func (m *Model) View() string {
	if !m.loaded {
		return m.com.Theme.Muted.Render(common.Fit("Loading note…", m.width))
	}
	if m.dialog != nil {
		// The note above, the dialog under it: nothing signed is hidden.
		rule := m.com.Theme.Muted.Render(strings.Repeat("─", max(m.width, 0)))
		return m.vp.View() + "\n" + rule + "\n" + m.dialog.View(m.width)
	}
	return m.vp.View()
}

// ShortHelp lists the keys that apply to this note.
func (m *Model) ShortHelp() []key.Binding {
	if m.dialog != nil {
		return nil
	}
	out := []key.Binding{m.keys.Down, m.keys.Back}
	switch {
	case m.note.Signed():
		out = append(out, m.keys.Addendum)
	case m.note.AuthorID == m.com.Me.ID:
		out = append(out, m.keys.Edit, m.keys.Sign)
	}
	return out
}

// FullHelp lists every key, those this note does not allow disabled (whynot.go): help
// leaves them out, the palette says why.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.Back}, {common.Live(m, m.keys.Edit), common.Live(m, m.keys.Sign), common.Live(m, m.keys.Addendum)}}
}
