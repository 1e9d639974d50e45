package confirm

import "caseload/tui/spoken"

// Speech is the dialog in the accessible mode (common.Speaker): the question, what is
// confirmed, and the keys. The keys are said from the start: the arming delay is for
// keys already in flight as it opened, and a person who has heard the question out has
// waited longer than it.
func (m *Model) Speech() []string {
	out := []string{spoken.Sentence(m.question)}
	for _, d := range m.details {
		out = append(out, spoken.Sentence(d))
	}
	act := m.Act
	if act == "" {
		act = "sign"
	}
	return append(out, "Press y to "+act+", or n or escape to cancel.")
}
