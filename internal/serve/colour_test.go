package serve

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestEachSessionHasItsOwnColours: a session's colours come from its own client (TERM,
// NO_COLOR), never from the server's environment: one clinician with NO_COLOR gets no
// colour while a colleague on a 256-colour terminal gets it, at the same moment.
func TestEachSessionHasItsOwnColours(t *testing.T) {
	t.Setenv("NO_COLOR", "") // the server's own environment must not matter either way
	tm := serveTeam(t, Config{}, "Dr Tom Halliwell", "Dr Niamh Ó Dálaigh")
	auth := func(name string) []gossh.AuthMethod { return []gossh.AuthMethod{gossh.PublicKeys(tm.keys[name])} }
	plain, err := tm.dialWith(t, auth("Dr Tom Halliwell"), 100, 30, "xterm-256color", map[string]string{"NO_COLOR": "1"})
	if err != nil {
		t.Fatal(err)
	}
	coloured, err := tm.dialWith(t, auth("Dr Niamh Ó Dálaigh"), 100, 30, "xterm-256color", nil)
	if err != nil {
		t.Fatal(err)
	}
	plain.waitFor("to screen", 10*time.Second)
	coloured.waitFor("to screen", 10*time.Second)
	const colour = "\x1b[38;"
	if strings.Contains(plain.out.raw(), colour) {
		t.Error("the session that sent NO_COLOR was drawn in colour")
	}
	if !strings.Contains(coloured.out.raw(), colour) {
		t.Error("the 256-colour session was drawn without colour")
	}
}
