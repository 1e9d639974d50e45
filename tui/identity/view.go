package identity

import (
	"fmt"
	"strings"
	"unicode"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// View draws the question and the choices, or the confirmation of the one chosen.
func (m *Model) View() string {
	t := m.com.Theme
	width := max(m.width, 1)
	lines := common.Wrap(fmt.Sprintf("This account (%s) is not yet linked to a clinician. Choose yourself once; "+
		"everything you write or sign will carry your name.", m.osUser), width)
	lines = append(lines, "")
	if m.confirming {
		// Wrapped, never cut: the name and registration are what is being confirmed.
		for _, l := range common.Wrap(question(m.choices[m.cursor]), width) {
			lines = append(lines, t.Title.Render(l))
		}
		lines = append(lines, common.Wrap("Only a lead can change it afterwards (caseload clinicians unbind).", width)...)
		lines = append(lines, "", t.Header.Render(common.Fit("y yes, this is me · n or esc back to the list", width)))
		return strings.Join(lines, "\n")
	}
	if m.loaded && len(m.choices) == 0 {
		lines = append(lines, common.Wrap("No clinician is free to link. A lead adds one with: caseload clinicians add --name NAME --role ROLE", width)...)
	}
	for i, c := range m.choices {
		line := fmt.Sprintf("%s, %s", c.Name, c.Role)
		if c.Registration != "" {
			line += " (" + c.Registration + ")"
		}
		if i == m.cursor {
			lines = append(lines, t.Selected.Render(common.Fit("› "+line, width)))
		} else {
			lines = append(lines, common.Fit("  "+line, width))
		}
	}
	if m.loaded && len(m.choices) > 0 && m.cursor == noOne {
		lines = append(lines, "", t.Muted.Render(common.Fit("↓ or j to find yourself, then enter", width)))
	}
	return strings.Join(lines, "\n")
}

// question is what the clinician confirms before their account is bound: their name and
// registration ("You are Dr Tom Halliwell, HCPC PYL31958?"), or their role when they
// hold no registration.
func question(c domain.Clinician) string {
	if c.Registration == "" {
		return fmt.Sprintf("You are %s, %s?", c.Name, c.Role)
	}
	if reg := register(c.Registration); reg != "" {
		return fmt.Sprintf("You are %s, %s %s?", c.Name, reg, c.Registration)
	}
	return fmt.Sprintf("You are %s, registration %s?", c.Name, c.Registration)
}

// register names the register a registration number belongs to, by its shape: an NMC
// PIN is two digits, a letter, four digits and a letter (09C4172E); an HCPC number is
// the letters of the profession and digits (PYL31958). "" when it is neither.
func register(reg string) string {
	r := []rune(reg)
	switch {
	case len(r) == 8 && digits(r[0:2]) && unicode.IsLetter(r[2]) && digits(r[3:7]) && unicode.IsLetter(r[7]):
		return "NMC"
	case len(r) > 2:
		i := 0
		for i < len(r) && unicode.IsLetter(r[i]) {
			i++
		}
		if i >= 2 && i <= 3 && i < len(r) && digits(r[i:]) {
			return "HCPC"
		}
	}
	return ""
}

func digits(r []rune) bool {
	for _, c := range r {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(r) > 0
}
