package form

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// Changed is what a Spec.Recheck command returns: whether the record the form edits is
// no longer what the form opened on, and, as far as the record says, who changed it (a
// name) and when. An open form is never reloaded under the typist; it says so instead.
type Changed struct {
	Changed bool
	By      string    // "" when the record does not say
	At      time.Time // zero when the record does not say
	// Advice is what the person should do, after the colon; "" is the usual: the store
	// refuses a save over a change the person has not seen.
	Advice string
}

const refusedAdvice = "your save will be refused; esc esc to leave and reopen"

// line is the change in words, for the line above the form; "" when nothing changed.
func (c Changed) line(london *time.Location) string {
	if !c.Changed {
		return ""
	}
	who := "someone else"
	if c.By != "" {
		who = c.By
	}
	when := ""
	if !c.At.IsZero() {
		when = " at " + c.At.In(london).Format("15:04")
	}
	advice := c.Advice
	if advice == "" {
		advice = refusedAdvice
	}
	return "Changed by " + who + when + " since you opened this form: " + advice + "."
}

// recheck answers another process's commit: the form's own record is read again, when
// the form has one and is still being filled in.
func (m *Model) recheck() tea.Cmd {
	if m.spec.Recheck == nil || m.saving || m.done {
		return nil
	}
	read, ctx := m.spec.Recheck, m.com.Ctx
	return func() tea.Msg { return read(ctx) }
}

// noteChange keeps the line to show; the room above the form changes with it.
func (m *Model) noteChange(c Changed) {
	if line := c.line(m.com.London); line != m.changed {
		m.changed = line
		m.SetSize(m.width, m.height)
	}
}

// changedLines is the change line wrapped to the width: its end says what to do, so it
// is not cut short.
func (m *Model) changedLines() []string {
	if m.changed == "" {
		return nil
	}
	return common.Wrap(m.changed, max(m.width, 1))
}
