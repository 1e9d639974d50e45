// Package form is the screen every caseload form shares: a huh form bound to values that
// outlive it, the focused field's error shown in room kept for it, a refused save shown
// above the form with everything typed kept and the focus where the person was, and esc
// twice to discard. It is a common.Settler, so keys typed while huh moves its focus wait
// for the move (settle.go); it keeps a bubbles crash out of huh's inputs and pastes on
// one line there (guard.go); and, on another process's commit, it says when its record
// was changed elsewhere instead of reloading it (changed.go). The screens that use it
// supply only their fields, what submitting does and how to read their record again.
package form

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"context"
	"slices"

	"caseload/tui/common"
	"caseload/tui/component/confirm"
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
	// changed the database (common.DataChangedMsg) and says whether it changed. The form
	// runs it in a command with the session's context. Forms of a new record have none.
	Recheck func(ctx context.Context) Changed
	// Confirm, when set, is asked once Submit has found nothing to stop the save: the
	// save runs only on a yes (component/confirm), as signing does; a no goes back to
	// the form with everything typed kept.
	Confirm func() Confirmation
	// Start is how many fields on from the first the focus starts: a form whose first
	// fields are prefilled and seldom changed (when a decision was made) opens on the
	// question the person came to answer, the earlier ones a shift+tab away.
	Start int
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
	// dialog is the confirmation open before a save that signs, and pending that save.
	dialog  *confirm.Model
	pending tea.Cmd
	heard   heard // the text field in focus as the accessible mode last said it (speech.go)
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
		WithTheme(huhTheme(m.com.Theme)).
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

// Init focuses the first field, or the one Spec.Start names.
func (m *Model) Init() tea.Cmd {
	m.ordinal = 0
	cmds := []tea.Cmd{m.form.Init()}
	// huh's own moves, their commands run: they carry the fields' titles worked out
	// from the values (a confirmation naming the decision), which advance leaves out.
	// The start is short of the last field, so no move submits.
	for m.ordinal < m.spec.Start {
		from := m.form.GetFocusedField()
		cmds = append(cmds, m.form.NextField())
		if m.form.GetFocusedField() == from {
			break
		}
		m.ordinal++
	}
	return tea.Batch(cmds...)
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
	if m.dialog != nil {
		if cmd, handled := m.dialogUpdate(msg); handled {
			return m, cmd
		}
	}
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		return m, m.recheck()
	case Changed:
		m.noteChange(msg)
		return m, nil
	case settleExpiredMsg:
		if msg.form == m && msg.gen == m.settle.gen {
			m.settle.on = false
		}
		return m, nil
	case submitMsg:
		problems, save := m.spec.Submit()
		if len(problems) > 0 || save == nil {
			return m, m.refuse(problems)
		}
		if m.spec.Confirm != nil {
			return m, m.ask(save)
		}
		m.saving = true
		return m, save
	case Done:
		m.saving, m.settle.on = false, false
		if msg.Err != nil {
			// A refusal is often a colleague's change: read the record again, so the line
			// about it says how things now stand.
			return m, tea.Batch(m.refuse([]string{msg.Err.Error()}), m.recheck())
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
		if outsideEditor(m.form, msg) {
			return m, nil
		}
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
	if m.dialog != nil {
		return nil // the dialog names its own keys
	}
	var out []key.Binding
	for _, b := range m.form.KeyBinds() {
		if b.Enabled() && b.Help().Key != "" && !slices.Contains(b.Keys(), editorKey.String()) {
			out = append(out, b)
		}
	}
	return append(out, m.cancel)
}

// FullHelp lists every key.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// The huh text field's ctrl+e suspends the app for $EDITOR on a temporary file: clinical
// text written to disk outside the database, and over SSH the server's editor, not the
// clinician's. huh turns the binding back on whenever its help is read, so the form
// drops the key itself, and leaves it out of the footer. Long text is typed in the field.
var editorKey = tea.KeyPressMsg{Code: 'e', Mod: tea.ModCtrl}

func outsideEditor(f *huh.Form, msg tea.KeyPressMsg) bool {
	_, text := f.GetFocusedField().(*huh.Text)
	return text && msg.String() == editorKey.String()
}
