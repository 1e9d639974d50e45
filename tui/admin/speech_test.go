package admin

import (
	"testing"

	"caseload/tui/tuitest"
)

// The admin's screen is said whole: the team a member a line, the backup and verify,
// the file and the commands; nothing of a clinical record.
func TestAdminSpeech(t *testing.T) {
	src, ivy := team(t)
	_, h := tuitest.Open(t, newScreen(src, ivy)(), 40, 30) // narrow: the commands are still said whole
	lines := tuitest.Speech(t, h.Screen)
	tuitest.Says(t, lines, "Server, for "+ivy.Name+" (IT):", "Team: ", "ID ", "Backup and verify:",
		"Database file: /srv/caseload/caseload.db, 2.4 MB, schema ", "On the server, to run there:", "Add a key:",
		"caseload clinicians keys add --db /srv/caseload/caseload.db ID --file PUB")
}
