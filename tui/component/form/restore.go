package form

import tea "charm.land/bubbletea/v2"

// advance takes a freshly built form on to the field that was to-th from the first, as
// huh's own moves would (its exported NextField and NextGroup, which act at once), so a
// refusal does not send the person back to the first question. It stops early on a
// field that needs correcting: one whose check fails as it is left, or the last of a
// group huh will not leave. The commands of the moves are not run: on the form's last
// field they would submit it. It returns the command that focuses where it stopped.
//
// The values are the ones the form was filled with, so huh's hidden groups are the same
// ones and the count of fields leads where it led before.
func (m *Model) advance(to int) tea.Cmd {
	m.ordinal = 0
	for m.ordinal < to {
		from := m.form.GetFocusedField()
		m.form.NextField()
		if from.Error() != nil {
			if m.form.GetFocusedField() != from {
				m.form.PrevField()
			}
			break
		}
		if m.form.GetFocusedField() == from {
			// The last field of its group: huh moves group only when the group is
			// right.
			m.form.NextGroup()
			if m.form.GetFocusedField() == from {
				break
			}
		}
		m.ordinal++
	}
	return m.form.GetFocusedField().Focus()
}
