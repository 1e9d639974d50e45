package formulationeditor

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
)

const listWidth = 30

// sideBySide is whether the section list fits beside the text.
func (m *Model) sideBySide() bool { return m.width >= 70 }

// SetSize gives the text area the room the list and status leave.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	tw := w
	if m.sideBySide() {
		tw = w - listWidth - 1
	}
	m.area.SetWidth(max(tw, 1))
	m.area.SetHeight(max(h-3, 1))
}

// View draws the sections list beside the section being written.
func (m *Model) View() string {
	t := m.com.Theme
	if !m.loaded {
		return t.Muted.Render(common.Fit("Loading formulation…", m.width))
	}
	s := domain.FormulationSections[m.section]
	status := "Draft saved"
	switch {
	case m.auto.Saving():
		status = "Saving…"
	case m.auto.Unsaved():
		status = "Unsaved changes (saving when you pause)"
	case m.auto.Base().ID == 0:
		status = "Not saved yet: the draft starts when you type"
	}
	head := t.Header.Render(s.Title)
	if s.Hint != "" {
		head += t.Muted.Render(" · " + s.Hint)
	}
	right := []string{common.Clip(head, m.area.Width()), t.Muted.Render(common.Clip(status, m.area.Width()))}
	if m.problem != "" {
		right[1] = t.Error.Render(common.Clip(m.problem, m.area.Width()))
	}
	body := strings.Split(m.area.View(), "\n")
	if c := m.conflict; c != nil {
		cl := c.Lines(t, m.com.London, m.area.Width(), "formulation draft")
		right = append(right[:1], cl...)
		h := max(m.height-len(right), 1)
		if c.Sides {
			body = autosave.SideBySide("Yours (not saved)", sectionsText(m.typed()), "Stored now", c.Other, m.area.Width(), h)
		}
		body = body[:min(len(body), h)]
	}
	right = append(right, body...)
	if !m.sideBySide() {
		return strings.Join(right, "\n")
	}
	left := m.sectionList()
	var b strings.Builder
	for i := 0; i < max(len(left), len(right)) && i < m.height; i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		b.WriteString(common.Fit(l, listWidth) + t.Muted.Render("│") + r + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// sectionList marks each section written (•) or empty (○), and the one being written.
func (m *Model) sectionList() []string {
	t := m.com.Theme
	lines := []string{t.Header.Render(fmt.Sprintf("Version %d sections", m.draft.Version))}
	for i, s := range domain.FormulationSections {
		mark := "○"
		if strings.TrimSpace(m.texts[s.ID]) != "" {
			mark = "•"
		}
		line := mark + " " + s.Title
		if i == m.section {
			lines = append(lines, t.Selected.Render(common.Fit("›"+line, listWidth)))
		} else {
			lines = append(lines, " "+line)
		}
	}
	return lines
}

// ShortHelp lists the keys for the footer: in conflict, the choices.
func (m *Model) ShortHelp() []key.Binding {
	if m.conflict != nil {
		return m.conflict.Help(m.ckeys)
	}
	return []key.Binding{m.keys.NextSection, m.keys.PrevSection, m.keys.SaveNow, m.keys.Close}
}

// FullHelp lists the keys that work now, as the footer does: the conflict's choices
// only while there is one (help lists only live keys).
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
