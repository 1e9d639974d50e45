package newreferral

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// build makes a huh form bound to m.input: one group a page, each field validated by
// the domain's own check when it is left.
func (m *Model) build() *huh.Form {
	env := func() domain.ParseEnv { return domain.ParseEnv{Now: m.com.Clock.Now(), London: m.com.London} }
	var groups []*huh.Group
	for i, p := range pages {
		var fields []huh.Field
		for _, name := range p.fields {
			f, ok := domain.FieldByName(name)
			if !ok {
				continue
			}
			fields = append(fields, m.field(f, env))
		}
		title := fmt.Sprintf("%s (page %d of %d)", p.title, i+1, len(pages))
		groups = append(groups, huh.NewGroup(fields...).Title(title))
	}
	form := huh.NewForm(groups...).
		WithTheme(huh.ThemeFunc(huh.ThemeBase)).
		WithShowHelp(false).
		// Errors are drawn above the form, in room kept for them: huh's footer grows
		// under a form already sized to the window and would be cut off.
		WithShowErrors(false)
	form.SubmitCmd = func() tea.Msg { return submitMsg{} }
	// Leaving is esc twice, handled above the form; huh's own quit would drop the typing.
	keys := huh.NewDefaultKeyMap()
	keys.Quit.SetEnabled(false)
	return form.WithKeyMap(keys)
}

func (m *Model) field(f domain.ReferralField, env func() domain.ParseEnv) huh.Field {
	value := f.Value(m.input)
	title := f.Label
	if f.Required {
		title += " *"
	}
	if opts := choices(f.Name); opts != nil {
		return huh.NewSelect[string]().Title(title).Options(opts...).Value(value).Inline(true).
			Validate(func(v string) error { return sentence(f, f.Check(v, env())) })
	}
	if f.Name == "referral_reason" {
		return huh.NewText().Title(title).Value(value).Lines(3).CharLimit(64 << 10).
			Validate(func(v string) error { return sentence(f, f.Check(v, env())) })
	}
	return huh.NewInput().Title(title).Placeholder(f.Hint).Value(value).
		Validate(func(v string) error { return sentence(f, f.Check(v, env())) })
}

// messageLines is the room kept above the form for the field's error or the discard
// warning, so the form does not jump when one appears.
const messageLines = 2

// chromeHeight is the lines above the form: the problems of a refused save, and the
// message area.
func (m *Model) chromeHeight() int {
	n := messageLines
	if len(m.problems) > 0 {
		n += 1 + len(m.problems)
	}
	return n
}

// View draws the problems of a refused save, the message area, then the form.
func (m *Model) View() string {
	t := m.com.Theme
	var b strings.Builder
	if len(m.problems) > 0 {
		b.WriteString(t.Error.Render(common.Fit("Not saved. Put these right and submit again:", m.width)) + "\n")
		for _, p := range m.problems {
			b.WriteString(t.Error.Render(common.Fit("• "+p, m.width)) + "\n")
		}
	}
	b.WriteString(m.message() + "\n")
	if m.saving {
		b.WriteString(t.Muted.Render("Saving…"))
		return b.String()
	}
	b.WriteString(m.form.View())
	return b.String()
}

// message is the two-line area above the form: a warning, the focused field's error, or
// what the stars mean.
func (m *Model) message() string {
	t := m.com.Theme
	var text string
	style := t.Error
	switch errs := m.form.Errors(); {
	case m.discarding:
		text = "Press esc again to discard this referral, or any other key to keep typing."
	case len(errs) > 0:
		text = "✗ " + errs[0].Error()
	default:
		text, style = "Fields marked * are required; each is checked as you leave it.", t.Muted
	}
	lines := strings.Split(ansi.Wrap(text, max(m.width, 1), ""), "\n")
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
