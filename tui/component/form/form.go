// Package form is the screen every caseload form shares: a huh form bound to values that
// outlive it, the focused field's error shown in room kept for it, a refused save shown
// above the form with everything typed kept, and esc twice to discard. The screens that
// use it (a new referral, a correction, a screening decision, a consultation, a
// withdrawal) supply only their fields and what submitting does.
package form

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/tui/common"
)

// Spec is what a form screen supplies.
type Spec struct {
	Title string
	// Fields builds the huh groups, bound to values the caller owns, so the form can be
	// rebuilt after a refused save without losing anything typed.
	Fields func() []*huh.Group
	// Intro is drawn above the form at the given width: what the form is about.
	Intro func(width int) []string
	// Submit runs when the last field is left. It returns problems that stop the save
	// (shown above the form), or the command that saves, which must return Done.
	Submit func() (problems []string, save tea.Cmd)
	// Recheck, when set, reads the record the form edits again after another process
	// changed the database (common.DataChangedMsg); its command returns Changed. Forms
	// of a new record have none.
	Recheck func() tea.Cmd
}

// Done is what a save command returns: the error that refused it, or the messages to
// send once it succeeded (e.g. that a referral changed, and a line for the status bar).
type Done struct {
	Err  error
	Then []tea.Msg
}

// Model is a form screen.
type Model struct {
	com        common.Common
	spec       Spec
	form       *huh.Form
	cancel     key.Binding
	width      int
	height     int
	problems   []string
	discarding bool
	// saving is from the form's completion (huh's submit, whose message is still to
	// come) until the save's Done: keys then wait, as Settling says.
	saving bool
	// done is set once the save succeeded: the form is finished and takes no keys.
	done bool
	// ordinal is how many fields on from the first the focus is, counted as huh moves
	// it, so a rebuilt form can be taken back to where the person was.
	ordinal int
	settle  settle
	// changed is the line saying the form's record was changed elsewhere since it
	// opened; "" while it has not been.
	changed string
}

type submitMsg struct{}

// New builds a form screen.
func New(com common.Common, spec Spec) *Model {
	m := &Model{com: com, spec: spec,
		cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc esc", "discard"))}
	m.form = m.build()
	return m
}

func (m *Model) build() *huh.Form {
	f := huh.NewForm(m.spec.Fields()...).
		WithTheme(huh.ThemeFunc(huh.ThemeBase)).
		WithShowHelp(false).
		// Errors are drawn above the form, in room kept for them: huh's footer grows
		// under a form already sized to the window and would be cut off.
		WithShowErrors(false)
	f.SubmitCmd = func() tea.Msg { return submitMsg{} }
	// Leaving is esc twice, handled here; huh's own quit would drop the typing.
	keys := huh.NewDefaultKeyMap()
	keys.Quit.SetEnabled(false)
	return f.WithKeyMap(keys)
}

// Init focuses the first field.
func (m *Model) Init() tea.Cmd {
	m.ordinal = 0
	return m.form.Init()
}

// Title names the screen.
func (m *Model) Title() string { return m.spec.Title }

// Capturing is always true: printable keys are typing.
func (m *Model) Capturing() bool { return true }

// SetSize gives the form the room left under the intro, problems and message area.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.form.WithWidth(max(w, 1)).WithHeight(max(h-m.chromeHeight(), 1))
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		return m, m.recheck()
	case Changed:
		m.noteChange(msg)
		return m, nil
	case settleExpiredMsg:
		if msg.gen == m.settle.gen {
			m.settle.on = false
		}
		return m, nil
	case submitMsg:
		problems, save := m.spec.Submit()
		if len(problems) > 0 || save == nil {
			return m, m.refuse(problems)
		}
		m.saving = true
		return m, save
	case Done:
		m.saving, m.settle.on = false, false
		if msg.Err != nil {
			return m, m.refuse([]string{msg.Err.Error()})
		}
		m.done = true
		cmds := []tea.Cmd{}
		for _, then := range msg.Then {
			cmds = append(cmds, common.Cmd(then))
		}
		return m, tea.Sequence(append(cmds, common.Back)...)
	case tea.KeyPressMsg:
		if m.saving || m.done {
			return m, nil // keystrokes during the save must not reach a finished form
		}
		if key.Matches(msg, m.cancel) {
			if m.discarding {
				return m, common.Back
			}
			m.discarding = true
			return m, nil
		}
		m.discarding = false
		k, keep := m.guard(msg)
		if !keep {
			return m, nil
		}
		return m, m.forward(k)
	case tea.PasteMsg:
		if m.saving || m.done {
			return m, nil
		}
		return m, m.forward(m.paste(msg))
	}
	return m, m.forward(msg)
}

// forward hands msg to the huh form and notes where its focus went.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	before := m.form.GetFocusedField()
	fm, cmd := m.form.Update(msg)
	if f, ok := fm.(*huh.Form); ok {
		m.form = f
	}
	return tea.Batch(cmd, m.after(msg, before, cmd != nil))
}

// refuse keeps the typed values and rebuilds the form with the reasons shown above it,
// its focus taken back to where the person was (the last question, as a save is asked
// for from there) or to the first field on the way that needs correcting.
func (m *Model) refuse(problems []string) tea.Cmd {
	m.problems = problems
	at := m.ordinal
	m.form = m.build()
	m.SetSize(m.width, m.height)
	m.saving, m.settle = false, settle{gen: m.settle.gen + 1}
	return tea.Batch(m.form.Init(), m.advance(at))
}

// ShortHelp lists the focused field's own keys (a choice is made with ←/→) and esc.
func (m *Model) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, b := range m.form.KeyBinds() {
		if b.Enabled() && b.Help().Key != "" {
			out = append(out, b)
		}
	}
	return append(out, m.cancel)
}

// FullHelp lists every key.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

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
