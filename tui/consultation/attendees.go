package consultation

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
)

// parseAttendees reads who attended, one person a line as "name, role, agency" (the
// agency may be left off for the service's own clinicians), so a list can be typed as
// fast as it is said in the meeting.
func parseAttendees(text string) ([]domain.Attendee, error) {
	var out []domain.Attendee
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.SplitN(line, ",", 3)
		for j := range parts {
			parts[j] = strings.TrimSpace(parts[j])
		}
		if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
			return nil, fmt.Errorf("line %d (%q) needs a name and a role: e.g. Sam Carter, COM, Probation Service", i+1, clip(line))
		}
		a := domain.Attendee{Name: parts[0], Role: parts[1]}
		if len(parts) == 3 {
			a.Agency = parts[2]
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("list who attended, one a line: name, role, agency")
	}
	return out, nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
