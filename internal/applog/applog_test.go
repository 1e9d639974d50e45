package applog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The log is private to the account (0600 in a 0700 folder), one JSON object a line,
// appended to across opens.
func TestOpenIsPrivateJSONAndAppended(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "caseload", "caseload.log")
	for _, op := range []string{"queue.loadedMsg", "home.loadedMsg"} {
		log, closer, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		log.Warn("slow operation", "operation", op, "ms", 250)
		if err := closer.Close(); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"operation":"queue.loadedMsg","ms":250`) || !strings.HasPrefix(lines[1], "{") {
		t.Errorf("log:\n%s", b)
	}
	for p, want := range map[string]os.FileMode{filepath.Dir(path): 0o700, path: 0o600} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: %v, %v; want %v", p, fi.Mode().Perm(), err, want)
		}
	}
}

func TestDir(t *testing.T) {
	for _, c := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"XDG_STATE_HOME", map[string]string{"XDG_STATE_HOME": "/s", "HOME": "/h"}, "/s/caseload"},
		{"relative ignored", map[string]string{"XDG_STATE_HOME": "s", "HOME": "/h"}, "/h/.local/state/caseload"},
		{"HOME", map[string]string{"HOME": "/h"}, "/h/.local/state/caseload"},
		{"nothing", nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Dir(func(k string) string { return c.env[k] })
			if got != c.want || (err != nil) != (c.want == "") {
				t.Errorf("Dir = %q, %v; want %q", got, err, c.want)
			}
		})
	}
}
