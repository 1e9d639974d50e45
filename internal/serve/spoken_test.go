package serve

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"caseload/tui/spoken"
)

// TestDumbTerminalSessionIsSpoken: a session whose client says TERM=dumb gets the
// accessible mode: the greeting and Today in sentences, no escape sequence at all (no
// alternate screen, no colour, no question to the terminal), keys taken raw (j moves,
// q quits), even in a window smaller than the app's minimum.
func TestDumbTerminalSessionIsSpoken(t *testing.T) {
	tm := serveTeam(t, Config{}, "Dr Tom Halliwell")
	c, err := tm.dialWith(t, []gossh.AuthMethod{gossh.PublicKeys(tm.keys["Dr Tom Halliwell"])}, 30, 6, "dumb", nil)
	if err != nil {
		t.Fatal(err)
	}
	waitText := func(want string) {
		t.Helper()
		for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(10 * time.Millisecond) {
			if strings.Contains(c.out.raw(), want) {
				return
			}
		}
		t.Fatalf("the session did not say %q:\n%q", want, c.out.raw())
	}
	waitText(spoken.Greeting + "\r\nToday: ")
	waitText("1 of ")
	if _, err := c.in.Write([]byte("j")); err != nil {
		t.Fatal(err)
	}
	waitText("2 of ")
	if _, err := c.in.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	out := c.ended(10 * time.Second)
	if raw := c.out.raw(); strings.Contains(raw, "\x1b") {
		t.Fatalf("a dumb terminal was sent escape sequences:\n%q", raw)
	}
	if strings.Contains(out, "Make the window larger") {
		t.Fatalf("the small window refused the keys:\n%s", out)
	}
}
