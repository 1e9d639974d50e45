package form

import (
	"strings"

	"caseload/tui/common"
)

// messageLines is the room kept above the form for the field's error or the discard
// warning, so the form does not jump when one appears.
const messageLines = 2

func (m *Model) intro() []string {
	if m.spec.Intro == nil {
		return nil
	}
	lines := m.spec.Intro(m.width)
	// On a short window the fields come first: the intro keeps a third of the height.
	if keep := max(m.height/3, 1); m.height > 0 && len(lines) > keep {
		lines = append(lines[:keep-1:keep-1], common.Clip(lines[keep-1]+" …", m.width))
	}
	return lines
}

func (m *Model) chromeHeight() int {
	n := messageLines + len(m.intro())
	n += len(m.changedLines())
	if len(m.problems) > 0 {
		n += 1 + len(m.problemLines())
	}
	return n
}

// problemLines are the reasons a save was refused, each wrapped to the width under its
// bullet: the end of a refusal is often what to do about it, so none is cut short.
func (m *Model) problemLines() []string {
	var out []string
	for _, p := range m.problems {
		for i, l := range common.Wrap(common.OneLine(p), max(m.width-2, 1)) {
			lead := "  "
			if i == 0 {
				lead = "• "
			}
			out = append(out, lead+l)
		}
	}
	return out
}

// View draws the intro, the problems of a refused save, the message area, then the form.
func (m *Model) View() string {
	t := m.com.Theme
	var b strings.Builder
	for _, l := range m.intro() {
		b.WriteString(common.Fit(l, m.width) + "\n")
	}
	for _, l := range m.changedLines() {
		b.WriteString(t.Error.Render(common.Fit(l, m.width)) + "\n")
	}
	if len(m.problems) > 0 {
		b.WriteString(t.Error.Render(common.Fit("Not saved. Put these right and submit again:", m.width)) + "\n")
		for _, l := range m.problemLines() {
			b.WriteString(t.Error.Render(common.Fit(l, m.width)) + "\n")
		}
	}
	if m.dialog != nil {
		b.WriteString(m.dialog.View(m.width))
		return b.String()
	}
	b.WriteString(m.message() + "\n")
	if m.saving {
		b.WriteString(t.Muted.Render("Saving…"))
		return b.String()
	}
	b.WriteString(m.form.View())
	return b.String()
}

// message is the area above the form: the discard warning, the focused field's error,
// or what the stars mean.
func (m *Model) message() string {
	t := m.com.Theme
	text, style := "Fields marked * are required; each is checked as you leave it.", t.Muted
	if errs := m.form.Errors(); m.discarding {
		text, style = "Press esc again to discard this form, or any other key to keep typing.", t.Error
	} else if len(errs) > 0 {
		text, style = "✗ "+errs[0].Error(), t.Error
	}
	lines := common.Wrap(text, max(m.width, 1))
	for len(lines) < messageLines {
		lines = append(lines, "")
	}
	if len(lines) > messageLines {
		lines = lines[:messageLines]
		lines[messageLines-1] = common.Clip(lines[messageLines-1]+"…", m.width)
	}
	for i, l := range lines {
		lines[i] = style.Render(common.Fit(l, m.width))
	}
	return strings.Join(lines, "\n")
}
