// Package reopen is a lead reopening a closed case, with the reason (docs/RULES.md,
// "Closing a case"): the closing it undoes is shown, the reason is typed, and reopening
// is confirmed as signing is (component/confirm). The store audits it, and refuses
// anyone but an active lead; a refusal keeps the reason typed.
package reopen

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/confirm"
)

// Source is what the form needs from the store.
type Source interface {
	ReopenCase(ctx context.Context, leadID int64, at time.Time, caseID int64, reason string) (domain.Reopening, error)
}

// Model is the reopening form.
type Model struct {
	com     common.Common
	src     Source
	keys    KeyMap
	caseID  int64
	person  string
	closing domain.DischargeSummary // the closing undone, as the case view showed it
	reason  textarea.Model
	problem string
	dialog  *confirm.Model
	heard   *string // the reason as first said (speech.go)

	width, height int
}

// KeyMap is the form's keys.
type KeyMap struct {
	Reopen, Back key.Binding
}

// New opens the reopening of case caseID (person's), closed by closing.
func New(com common.Common, src Source, caseID int64, person string, closing domain.DischargeSummary) *Model {
	r := textarea.New()
	r.ShowLineNumbers = false
	r.CharLimit, r.MaxHeight, r.MaxWidth = 0, 0, 0
	r.Placeholder = "Why the case is reopened: what changed since it closed."
	return &Model{com: com, src: src, caseID: caseID, person: person, closing: closing, reason: r, keys: KeyMap{
		Reopen: key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "reopen the case")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave it closed")),
	}}
}

type reopenedMsg struct{ err error }

// Init focuses the reason.
func (m *Model) Init() tea.Cmd { return m.reason.Focus() }

// Title names the screen.
func (m *Model) Title() string { return "Reopen · " + m.person }

// Capturing is true: the form takes text.
func (m *Model) Capturing() bool { return true }

// SetSize gives the reason what the lines above leave.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.reason.SetWidth(max(w, 1))
	m.reason.SetHeight(max(h-6, 1))
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case confirm.Result:
		return m, m.answered(msg)
	case reopenedMsg:
		if msg.err != nil {
			m.problem = "Not reopened: " + msg.err.Error()
			return m, nil
		}
		return m, tea.Sequence(common.Cmd(common.CaseChangedMsg{CaseID: m.caseID}),
			common.Cmd(common.InfoMsg{Text: "The case of " + m.person + " is open again; the reopening is in the audit log and on the timeline."}),
			common.Back)
	case tea.KeyPressMsg:
		switch {
		case m.dialog != nil:
			return m, m.dialog.Update(msg)
		case key.Matches(msg, m.keys.Back):
			return m, common.Back
		case key.Matches(msg, m.keys.Reopen):
			return m, m.ask()
		}
	}
	if m.dialog != nil {
		return m, m.dialog.Update(msg)
	}
	var cmd tea.Cmd
	m.reason, cmd = m.reason.Update(msg)
	return m, cmd
}

func (m *Model) ask() tea.Cmd {
	m.problem = ""
	if strings.TrimSpace(m.reason.Value()) == "" {
		m.problem = "Say why the case is reopened: the reason is kept with the reopening."
		return nil
	}
	dialog, arm := confirm.New(m.com, fmt.Sprintf("Reopen the case of %s?", m.person),
		"It comes back to Today, the countdowns, the forums and the caseload list. The closing and its discharge "+
			"summary stay as signed; the reopening is recorded with your name and the reason.")
	dialog.Subject = m.reason.Value()
	dialog.Act = "reopen"
	m.dialog = dialog
	return arm
}

func (m *Model) answered(r confirm.Result) tea.Cmd {
	if m.dialog == nil || r.Dialog != m.dialog {
		return nil
	}
	m.dialog = nil
	reason, ok := r.Dialog.Subject.(string)
	if !r.Confirmed || !ok {
		return common.Cmd(common.InfoMsg{Text: "Not reopened: the case stays closed."})
	}
	ctx, src, me, clk, id := m.com.Ctx, m.src, m.com.Me.ID, m.com.Clock, m.caseID
	return func() tea.Msg {
		_, err := src.ReopenCase(ctx, me, clk.Now(), id, reason)
		return reopenedMsg{err: err}
	}
}

// View shows the closing undone, the reason, and the dialog when asked.
func (m *Model) View() string {
	t := m.com.Theme
	c := m.closing.Closure
	lines := []string{
		common.Clip(fmt.Sprintf("Closed on %s: %s.", c.On.Medium(), c.Reason.Label()), m.width),
		t.Muted.Render(common.Clip("Only a lead reopens a case, with the reason; both are audited.", m.width)),
		t.Title.Render(common.Clip("› Reason", m.width)),
	}
	if m.problem != "" {
		for _, l := range common.Wrap(m.problem, m.width) {
			lines = append(lines, t.Error.Render(l))
		}
	}
	if m.dialog != nil {
		return strings.Join(append(lines, m.dialog.View(m.width)), "\n")
	}
	return strings.Join(lines, "\n") + "\n" + m.reason.View()
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	if m.dialog != nil {
		return nil
	}
	return []key.Binding{m.keys.Reopen, m.keys.Back}
}

// FullHelp lists every key.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
