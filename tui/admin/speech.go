package admin

import (
	"fmt"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// Speech is the admin's screen in the accessible mode (common.Speaker), all of it, as it
// is short and has nothing to select: who and what the screen is; the team, a member a
// line with their access, whether active and their keys; the backup and verify with
// their ages; the file; the sessions on a server; and the commands to run there, said
// as they are typed.
func (m *Model) Speech() []string {
	out := []string{spoken.Sentence("Server, for " + m.com.Me.Name + " (IT): the team, keys, backups and the file; no clinical records")}
	if !m.loaded {
		return append(out, "Reading.")
	}
	f := m.facts
	active := 0
	for _, c := range f.team {
		if c.Active {
			active++
		}
	}
	out = append(out, fmt.Sprintf("Team: %d active of %d.", active, len(f.team)))
	for _, c := range f.team {
		state := "active"
		if !c.Active {
			state = "not active"
		}
		out = append(out, fmt.Sprintf("ID %d, %s: %s access, %s, %s.", c.ID, c.Name, c.Access, state,
			domain.Count(f.keys[c.ID], "key", "keys")))
	}
	now := m.now
	if now.IsZero() {
		now = m.com.Clock.Now()
	}
	out = append(out, "Backup and verify:")
	for _, it := range domain.SafetyLines(f.safety, now) {
		line := it.Text
		if it.When != "" {
			line += ", " + it.When
		}
		out = append(out, spoken.Sentence(line))
	}
	file := fmt.Sprintf("Database file: %s, %s, schema %d", f.file.Path, size(f.file.Bytes), f.file.Schema)
	if f.file.Schema != f.file.Known {
		file += fmt.Sprintf(" (this caseload knows %d)", f.file.Known)
	}
	out = append(out, file+".")
	if f.served {
		out = append(out, fmt.Sprintf("Sessions: %d open now, of at most %d.", f.open, f.most))
	}
	out = append(out, "On the server, to run there:")
	// Laid out at a width no window has, so no command is wrapped; put back at once.
	w := m.width
	m.width = 1 << 16
	defer func() { m.width = w }()
	for _, c := range m.commandLines() {
		out = append(out, spoken.Words(c.text))
	}
	return out
}
