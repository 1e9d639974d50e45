package closing

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
	"caseload/tui/component/confirm"
)

type closedMsg struct {
	d   domain.DischargeSummary
	err error
}

// sign checks the summary as typed against the rules of closing, showing a refusal
// under its field; then saves what is pending and asks (ask) about the draft as saved.
func (m *Model) sign() tea.Cmd {
	if m.conflict != nil {
		m.problem = "Choose what to do with the other version (the keys below) before signing."
		return nil
	}
	me, now := m.com.Me.ID, m.com.Clock.Now()
	typed := m.typed()
	if m.refuse(typed.CheckForClosing(me, m.opened, now)) {
		return m.refocus()
	}
	for _, why := range m.refusals {
		if why != "" {
			return nil // a date that does not read is said under its field already
		}
	}
	if m.auto.Unsaved() || m.auto.Saving() || m.auto.Base().ID == 0 {
		m.signing = true
		if m.auto.Base().ID == 0 && !m.auto.Unsaved() {
			m.auto.Reset(domain.DischargeSummary{})
		}
		return m.auto.Save()
	}
	return m.ask()
}

// refuse shows err under the field it names (moving there), or as the form's problem;
// false when err is nil.
func (m *Model) refuse(err error) bool {
	if err == nil {
		return false
	}
	f := domain.FieldOf(err)
	if at := fieldOf(f); at >= 0 {
		m.refusals[f] = sentence(err)
		m.focus = at
		return true
	}
	m.problem = "Not closed: " + err.Error()
	return true
}

// ask opens the confirmation on the draft as stored, naming exactly what closing does.
func (m *Model) ask() tea.Cmd {
	d := m.auto.Base()
	c := d.Closure
	why := c.Says()
	dialog, arm := confirm.New(m.com, fmt.Sprintf("Sign the discharge summary and close the case of %s?", m.person),
		fmt.Sprintf("Closed on %s: %s. The summary's %d parts as saved %s, written by you.", c.On.Medium(), why,
			len(domain.DischargeParts), common.MediumTime(d.UpdatedAt, m.com.London)),
		"Once signed it cannot be changed. The case leaves Today, the countdowns, the forums and the caseload list, "+
			"and stays readable; only a lead can reopen it, with a reason.")
	dialog.Subject = d // the revision shown is the one signed
	dialog.Act = "sign and close the case"
	m.dialog = dialog
	return arm
}

func (m *Model) answered(r confirm.Result) tea.Cmd {
	if m.dialog == nil || r.Dialog != m.dialog {
		return nil
	}
	m.dialog = nil
	if !r.Confirmed {
		return common.Cmd(common.InfoMsg{Text: "Not signed: the case stays open."})
	}
	d, ok := r.Dialog.Subject.(domain.DischargeSummary)
	if !ok {
		return nil
	}
	ctx, src, me, clk := m.com.Ctx, m.src, m.com.Me.ID, m.com.Clock
	return func() tea.Msg {
		got, err := src.CloseCase(ctx, me, clk.Now(), d.ID, d.Revision)
		return closedMsg{d: got, err: err}
	}
}

// closed leaves the form once the case is closed; a refusal keeps everything typed and
// says why, under the field it names.
func (m *Model) closed(msg closedMsg) tea.Cmd {
	if msg.err != nil {
		if _, stale := autosave.Detect(msg.err); stale || errors.Is(msg.err, domain.ErrSigned) {
			return m.refused(msg.err)
		}
		m.refuse(msg.err)
		return m.refocus()
	}
	c := msg.d.Closure
	return tea.Sequence(common.Cmd(common.CaseChangedMsg{CaseID: m.caseID}),
		common.Cmd(common.InfoMsg{Text: fmt.Sprintf("Case of %s closed on %s: %s. The discharge summary is signed; a lead can reopen the case.",
			m.person, c.On.Medium(), c.Says())}), common.Back)
}

// sentence is an error as a sentence: capitalised, with a stop.
func sentence(err error) string {
	s := err.Error()
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r) + "."
}
