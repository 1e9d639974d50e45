package handover

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"caseload/tui/common"
)

const labelWidth = 14

// SetSize keeps the size; the note takes what the list and the reason leave.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.note.SetWidth(max(w, 1))
	m.reason.SetWidth(max(w-labelWidth-1, 1))
	m.layout()
}

// layout gives the note the rows the lines above it leave, which change with the
// clinician chosen (the reason over the cap) and with what is refused.
func (m *Model) layout() { m.note.SetHeight(max(m.height-len(m.head()), 1)) }

// View draws the clinicians with their load, the note and, over the cap, the reason.
func (m *Model) View() string {
	if !m.loaded {
		return m.com.Theme.Muted.Render(common.Fit("Reading the team's caseloads…", m.width))
	}
	lines := m.head()
	if m.dialog != nil {
		h := max(m.height-len(lines), 1)
		body := strings.Split(m.dialog.View(m.width), "\n")
		return strings.Join(append(lines, body[:min(len(body), h)]...), "\n")
	}
	return strings.Join(append(lines, strings.Split(m.note.View(), "\n")...), "\n")
}

// head is the lines above the note: who holds the case, the clinicians with their load,
// the reason over the cap, and what was refused.
func (m *Model) head() []string {
	t := m.com.Theme
	from := "no one"
	if m.from.ID != 0 {
		from = m.from.Name
	}
	label := func(f int, s string) string {
		if f == m.focus {
			return t.Title.Render(common.Fit("› "+s, m.width))
		}
		return t.Label.Render(common.Fit("  "+s, m.width))
	}
	lines := []string{common.Clip(fmt.Sprintf("Held now by %s. Choose who takes it over:", from), m.width),
		label(fieldWho, "To (open cases / cap)")}
	for i, l := range m.loads {
		mark := "  "
		if i == m.cursor {
			mark = "› "
		}
		row := fmt.Sprintf("%s%-28s %2d / %d", mark, common.Clip(l.Clinician.Name, 28), l.Open, l.Cap)
		switch {
		case l.OverCap():
			row += "  over the cap"
		case l.AtCap():
			row += "  at the cap"
		}
		row = common.Fit(row, m.width)
		if i == m.cursor {
			row = t.Selected.Render(row)
		}
		lines = append(lines, row)
	}
	if len(m.loads) == 0 {
		lines = append(lines, t.Muted.Render("  no other active clinician"))
	}
	if m.overCap() {
		lines = append(lines, label(fieldReason, "⚠ Over the cap: give a reason"),
			t.DueSoon.Render(common.Fit("  Reason      ", labelWidth))+m.reason.View())
		lines = append(lines, m.refusal(fieldReason)...)
	}
	lines = append(lines, label(fieldNote, "Handover note"))
	lines = append(lines, m.refusal(fieldNote)...)
	if m.problem != "" {
		for _, l := range common.Wrap(m.problem, m.width) {
			lines = append(lines, t.Error.Render(l))
		}
	}
	return lines
}

func (m *Model) refusal(f int) []string {
	var out []string
	for _, l := range common.Wrap(m.refusals[f], max(m.width-2, 1)) {
		if l != "" {
			out = append(out, "  "+m.com.Theme.Error.Render(l))
		}
	}
	return out
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	if m.dialog != nil {
		return nil
	}
	k := m.keys
	if m.focus == fieldWho {
		return []key.Binding{k.Up, k.Down, k.Next, k.Sign, k.Back}
	}
	return []key.Binding{k.Next, k.Prev, k.Sign, k.Back}
}

// FullHelp lists the keys that work now, as the footer does: ↑ and ↓ only on the
// clinician's field.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
