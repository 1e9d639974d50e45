package closing

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
)

const (
	labelWidth = 18
	listWidth  = 30
)

// sideBySide is whether the list of parts fits beside the text.
func (m *Model) sideBySide() bool { return m.width >= 70 }

// SetSize keeps the size; the text area takes what the fields above leave (layout).
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
}

// layout sizes the text area to the room the lines above it leave, which change with
// the reason (its own field) and with refusals shown under fields.
func (m *Model) layout() {
	tw := m.width
	if m.sideBySide() {
		tw = m.width - listWidth - 1
	}
	m.closedOn.SetWidth(11)
	m.diedOn.SetWidth(11)
	m.transferred.SetWidth(max(m.width-labelWidth-1, 1))
	m.words.SetWidth(max(m.width-labelWidth-1, 1))
	m.area.SetWidth(max(tw, 1))
	m.area.SetHeight(max(m.height-len(m.top())-len(m.partHead(tw)), 1))
}

// top is the closure's fields, each refusal under its field, and the status line.
func (m *Model) top() []string {
	t := m.com.Theme
	label := func(f int, s string) string {
		if f == m.focus {
			return t.Title.Render(common.Fit("› "+s, labelWidth))
		}
		return t.Label.Render(common.Fit("  "+s, labelWidth))
	}
	var out []string
	row := func(f int, name, value, hint string, field domain.Field) {
		line := label(f, name) + value
		if hint != "" {
			line += t.Muted.Render("  " + hint)
		}
		out = append(out, common.Clip(line, m.width))
		if why := m.refusals[field]; why != "" {
			for _, l := range common.Wrap(why, max(m.width-labelWidth, 1)) {
				out = append(out, strings.Repeat(" ", labelWidth)+t.Error.Render(l))
			}
		}
	}
	row(fieldOn, "Closed on", m.closedOn.View(), "the day the case closed, London", domain.FieldClosedOn)
	reason := t.Unknown.Render("none chosen: ←/→ choose")
	if r := m.chosen(); r != "" {
		reason = r.Label()
	}
	if m.focus == fieldReason && m.chosen() != "" {
		reason = "← " + reason + " →"
	}
	row(fieldReason, "Reason", reason, "", domain.FieldClosingReason)
	switch m.chosen() {
	case domain.ClosedTransferred:
		row(fieldTransferred, "Transferred to", m.transferred.View(), "", domain.FieldTransferredTo)
	case domain.ClosedOther:
		row(fieldWords, "In words", m.words.View(), "", domain.FieldClosingWords)
	case domain.ClosedDied:
		row(fieldDied, "Date of death", m.diedOn.View(), "YYYY-MM-DD", domain.FieldDiedOn)
	}
	if c := m.conflict; c != nil {
		return append(out, c.Lines(t, m.com.London, m.width, "discharge summary")...)
	}
	status := m.status()
	if m.problem != "" {
		status = t.Error.Render(common.Clip(m.problem, m.width))
	}
	return append(out, status)
}

func (m *Model) status() string {
	t := m.com.Theme
	s := "Draft saved"
	switch {
	case m.auto.Saving():
		s = "Saving…"
	case m.auto.Unsaved():
		s = "Unsaved changes (saving when you pause)"
	case m.auto.Base().ID == 0:
		s = "Not saved yet: the draft starts when you type"
	}
	written := 0
	for _, p := range domain.DischargeParts {
		if strings.TrimSpace(m.parts[p.ID]) != "" {
			written++
		}
	}
	return t.Muted.Render(common.Clip(fmt.Sprintf("%s · %d of %d parts written",
		s, written, len(domain.DischargeParts)), m.width))
}

// partHead is the heading of the part in the text area, and its refusal.
func (m *Model) partHead(w int) []string {
	t := m.com.Theme
	p := domain.DischargeParts[m.part]
	head := t.Header.Render(p.Title) + t.Muted.Render(" · "+p.Hint)
	out := []string{common.Clip(head, w)}
	if why := m.refusals[domain.Field(p.ID)]; why != "" {
		for _, l := range common.Wrap(why, max(w, 1)) {
			out = append(out, t.Error.Render(l))
		}
	}
	return out
}

// View draws the closure's fields above the part being written, with the list of parts
// beside it; the signing dialog takes the text's place.
func (m *Model) View() string {
	t := m.com.Theme
	if !m.loaded {
		return t.Muted.Render(common.Fit("Loading the discharge summary…", m.width))
	}
	top := m.top()
	h := max(m.height-len(top), 1)
	if m.dialog != nil {
		body := strings.Split(m.dialog.View(m.width), "\n")
		return strings.Join(append(top, body[:min(len(body), h)]...), "\n")
	}
	tw := m.area.Width()
	right := append(m.partHead(tw), strings.Split(m.area.View(), "\n")...)
	if c := m.conflict; c != nil && c.Sides {
		right = autosave.SideBySide("Yours (not saved)", summaryText(m.typed()), "Stored now", c.Other, m.width, h)
		return strings.Join(append(top, right...), "\n")
	}
	right = right[:min(len(right), h)]
	if !m.sideBySide() {
		return strings.Join(append(top, right...), "\n")
	}
	left := m.partList()
	lines := top
	for i := 0; i < max(len(left), len(right)) && i < h; i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		lines = append(lines, common.Fit(l, listWidth)+t.Muted.Render("│")+r)
	}
	return strings.Join(lines, "\n")
}

// partList marks each part written (•) or empty (○), and the one in the text area.
func (m *Model) partList() []string {
	t := m.com.Theme
	lines := []string{t.Header.Render("Discharge summary")}
	for i, p := range domain.DischargeParts {
		mark := "○"
		if strings.TrimSpace(m.parts[p.ID]) != "" {
			mark = "•"
		}
		if m.refusals[domain.Field(p.ID)] != "" {
			mark = "!"
		}
		line := mark + " " + p.Title
		if i == m.part && m.focus >= partField {
			lines = append(lines, t.Selected.Render(common.Fit("›"+line, listWidth)))
		} else {
			lines = append(lines, " "+line)
		}
	}
	return lines
}

// ShortHelp lists the keys for the footer: in conflict, the choices.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.dialog != nil:
		return nil
	case m.conflict != nil:
		return m.conflict.Help(m.ckeys)
	}
	out := []key.Binding{m.keys.Next, m.keys.Prev}
	if m.focus == fieldReason {
		out = append(out, m.keys.Choose)
	}
	return append(out, m.keys.Sign, m.keys.SaveNow, m.keys.Close)
}

// FullHelp lists the keys that work now, as the footer does: the conflict's choices
// only while there is one (help lists only live keys).
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
