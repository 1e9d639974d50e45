package auditlog

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/textsafe"
)

// filterLabels are the filters as the lead typed them (the clinician by name), for
// the summary line and to start the next edit from.
type filterLabels struct {
	person, clinician, day string
}

// prompts are what each filter asks.
var prompts = map[string]string{
	"person":    "Person (name or NHS number): ",
	"clinician": "Clinician (name): ",
	"day":       "Day (YYYY-MM-DD or DD/MM/YYYY): ",
}

// ask starts typing filter which, from what it holds now.
func (m *Model) ask(which, now string) tea.Cmd {
	m.asking = which
	m.input.Prompt = prompts[which]
	m.input.SetValue(now)
	m.input.CursorEnd()
	return m.input.Focus()
}

// typing takes a key or paste while a filter is typed: enter applies it, esc leaves it
// as it was.
func (m *Model) typing(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.Cancel):
			m.asking = ""
			m.input.Blur()
			return nil
		case key.Matches(k, m.keys.Apply):
			return m.apply()
		}
	}
	var cmd tea.Cmd
	m.input, cmd = textsafe.Update(m.input, msg)
	return cmd
}

// apply reads the filter typed; one it cannot read is said in one sentence, and the
// typing stays to be put right.
func (m *Model) apply() tea.Cmd {
	typed := strings.TrimSpace(m.input.Value())
	f, labels := m.filter, m.labels
	switch m.asking {
	case "person":
		f.Person, labels.person = typed, typed
	case "clinician":
		c, err := m.clinicianNamed(typed)
		if err != nil {
			return common.Cmd(common.ErrorMsg{Err: err})
		}
		f.ClinicianID, labels.clinician = c.ID, c.Name
	case "day":
		if typed == "" {
			f.From, f.To, labels.day = time.Time{}, time.Time{}, ""
			break
		}
		d, err := ident.ParseDate(typed)
		if err != nil {
			return common.Cmd(common.ErrorMsg{Err: err})
		}
		// The day as the team lives it: midnight to midnight in London, whatever the
		// clocks did that day.
		f.From, f.To, labels.day = d.In(m.com.London), d.AddDays(1).In(m.com.London), d.Medium()
	}
	m.asking = ""
	m.input.Blur()
	return m.refilter(f, labels)
}

// clinicianNamed is the one clinician whose name holds every word typed (diacritics and
// case ignored); none, or more than one, is said in one sentence. Nothing typed is
// everyone: the zero clinician.
func (m *Model) clinicianNamed(typed string) (domain.Clinician, error) {
	if typed == "" {
		return domain.Clinician{}, nil
	}
	words := strings.Fields(domain.FoldForSearch(typed))
	var found []domain.Clinician
	for _, c := range m.clinicians {
		name := domain.FoldForSearch(c.Name)
		all := true
		for _, w := range words {
			all = all && strings.Contains(name, w)
		}
		if all {
			found = append(found, c)
		}
	}
	switch len(found) {
	case 0:
		return domain.Clinician{}, fmt.Errorf("no clinician of the team is called %q", typed)
	case 1:
		return found[0], nil
	}
	names := make([]string, len(found))
	for i, c := range found {
		names[i] = c.Name
	}
	return domain.Clinician{}, fmt.Errorf("%q could be %s: type more of the name", typed, strings.Join(names, " or "))
}
