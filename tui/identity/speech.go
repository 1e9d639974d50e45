package identity

import (
	"fmt"

	"caseload/tui/spoken"
)

// Speech is the first question in the accessible mode (common.Speaker): whose account
// this is, then the clinician under the cursor, or the confirmation of the one chosen.
func (m *Model) Speech() []string {
	if !m.loaded {
		return nil
	}
	out := []string{fmt.Sprintf("This account, %s, is not yet linked to a clinician. Choose yourself once; "+
		"everything you write or sign will carry your name. Up and down move, enter chooses.", m.osUser)}
	switch {
	case len(m.choices) == 0:
		return append(out, "No clinician is free to link. A lead adds one with: caseload clinicians add.")
	case m.confirming:
		return append(out, question(m.choices[m.cursor]),
			"Only a lead can change it afterwards. Press y for yes, this is me, or n or escape to go back to the list.")
	case m.cursor == noOne:
		return append(out, fmt.Sprintf("%d clinicians. Press down to find yourself.", len(m.choices)))
	}
	c := m.choices[m.cursor]
	line := fmt.Sprintf("%d of %d: %s, %s", m.cursor+1, len(m.choices), c.Name, c.Role)
	if c.Registration != "" {
		line += ", registration " + c.Registration
	}
	return append(out, spoken.Sentence(line))
}
