package formulationeditor

import (
	"fmt"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// Speech is the editor in the accessible mode (common.Speaker): which version and the
// keys; whether the draft is saved (said when that changes, never as a letter is
// typed); a refused save; a conflict's sentence and choices; then the section being
// written, what belongs in it and, on arriving at it, its text.
func (m *Model) Speech() []string {
	if !m.loaded {
		return nil
	}
	n := len(domain.FormulationSections)
	out := []string{fmt.Sprintf("Formulation, draft version %d: tab and shift tab move between the %d sections, control s saves now, escape saves and closes.",
		m.draft.Version, n)}
	out = append(out, autosave.SavedSpeech(m.auto.Base().ID != 0))
	if m.problem != "" {
		out = append(out, spoken.Sentence(m.problem))
	}
	if m.conflict != nil {
		out = append(out, m.conflict.Speech(m.com.London, "formulation draft")...)
	}
	m.heard.Arrive(m.section, m.conflict, m.area.Value)
	s := domain.FormulationSections[m.section]
	about := s.Title
	if s.Group != "" {
		about += ", of the " + s.Group
	}
	if s.Hint != "" {
		about += ": " + s.Hint
	}
	answer := spoken.Answer(m.heard.Value)
	return append(out, spoken.Sentence(fmt.Sprintf("Section %d of %d, %s; %s", m.section+1, n, about, answer)))
}
