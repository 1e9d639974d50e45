package caseview

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// shown is the version on screen: the one picked in the history, else the newest.
func (m *Model) shown() (domain.Formulation, bool) {
	fs := m.rec.formulations
	if len(fs) == 0 {
		return domain.Formulation{}, false
	}
	return fs[min(m.cursor, len(fs)-1)], true
}

// formulationLines shows one version, section by section, saying which are empty.
func (m *Model) formulationLines() []string {
	t := m.com.Theme
	f, ok := m.shown()
	if !ok {
		return []string{t.Muted.Render("No formulation yet. Press e to start the first version.")}
	}
	lines := []string{m.versionLine(f), ""}
	group := ""
	for _, s := range domain.FormulationSections {
		if s.Group != group && s.Group != "" {
			lines = append(lines, t.Section.Render(s.Group))
		}
		group = s.Group
		text := strings.TrimSpace(f.Text(s.ID))
		title := s.Title
		if text == "" {
			lines = append(lines, t.Header.Render(title)+t.Unknown.Render("  (empty)"))
			continue
		}
		lines = append(lines, t.Header.Render(title))
		lines = append(lines, common.Wrap(text, m.width)...)
	}
	return lines
}

func (m *Model) versionLine(f domain.Formulation) string {
	t := m.com.Theme
	state := t.Unknown.Render(fmt.Sprintf("DRAFT by %s, saved %s", m.rec.name(f.AuthorID), common.MediumTime(f.UpdatedAt, m.com.London)))
	if f.Signed() {
		state = t.Pass.Render(fmt.Sprintf("✓ signed by %s, %s", m.rec.name(f.AuthorID), common.MediumTime(f.SignedAt, m.com.London)))
	}
	empty := len(f.Empty())
	return common.Clip(fmt.Sprintf("Version %d · %s · %d of %d sections empty", f.Version, state, empty, len(domain.FormulationSections)), m.width)
}

// historyLines lists every version, newest first, one a line.
func (m *Model) historyLines() []string {
	t := m.com.Theme
	lines := []string{t.Header.Render("Versions: enter shows one; d compares it with the one before, or with one marked with space"), ""}
	for i, f := range m.rec.formulations {
		state := "draft"
		when := common.MediumTime(f.UpdatedAt, m.com.London)
		if f.Signed() {
			state, when = "signed", common.MediumTime(f.SignedAt, m.com.London)
		}
		mark := " "
		if i == m.marked {
			mark = "*"
		}
		line := fmt.Sprintf("%sv%-3d %-7s %s  %s", mark, f.Version, state, when, m.rec.name(f.AuthorID))
		if f.SupersedesID != 0 {
			line += fmt.Sprintf("  (supersedes v%d)", m.versionOf(f.SupersedesID))
		}
		if i == m.cursor {
			lines = append(lines, t.Selected.Render(common.Fit("› "+line, m.width)))
		} else {
			lines = append(lines, common.Fit("  "+line, m.width))
		}
	}
	return lines
}

func (m *Model) versionOf(id int64) int {
	for _, f := range m.rec.formulations {
		if f.ID == id {
			return f.Version
		}
	}
	return 0
}

// compareLines shows what changed between the two versions chosen, section by
// section: removed words struck through and marked [-…-], added ones marked {+…+}, so
// the change reads without colour.
func (m *Model) compareLines() []string {
	t := m.com.Theme
	lines := []string{t.Header.Render(fmt.Sprintf("Changes from version %d to version %d", m.older.Version, m.newer.Version)), ""}
	for _, c := range m.changes {
		if !c.Changed {
			lines = append(lines, t.Muted.Render(c.Section.Title+": unchanged"))
			continue
		}
		lines = append(lines, t.Header.Render(c.Section.Title+": changed"))
		var b strings.Builder
		for _, p := range c.Parts {
			switch p.Kind {
			case domain.DiffAdded:
				b.WriteString(t.Pass.Underline(true).Render("{+" + p.Text + "+}"))
			case domain.DiffRemoved:
				b.WriteString(t.Fail.Strikethrough(true).Render("[-" + p.Text + "-]"))
			default:
				b.WriteString(p.Text)
			}
		}
		lines = append(lines, common.Wrap(b.String(), m.width)...)
	}
	return lines
}
