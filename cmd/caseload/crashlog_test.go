package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestStateDir(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
		fail bool
	}{
		{"XDG_STATE_HOME", map[string]string{"XDG_STATE_HOME": "/srv/state", "HOME": "/home/jo"}, "/srv/state/caseload", false},
		{"relative XDG_STATE_HOME is ignored", map[string]string{"XDG_STATE_HOME": "state", "HOME": "/home/jo"}, "/home/jo/.local/state/caseload", false},
		{"HOME", map[string]string{"HOME": "/home/jo"}, "/home/jo/.local/state/caseload", false},
		{"Windows", map[string]string{"USERPROFILE": "/users/jo"}, "/users/jo/.local/state/caseload", false},
		{"nothing", map[string]string{}, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := stateDir(func(k string) string { return tc.env[k] })
			if (err != nil) != tc.fail || got != filepath.FromSlash(tc.want) {
				t.Fatalf("stateDir = %q, %v; want %q (fail %v)", got, err, tc.want, tc.fail)
			}
		})
	}
}

// A fault's log is private to the account (0600 in a 0700 folder) and is appended to,
// never replaced.
func TestCrashLogIsPrivateAndAppended(t *testing.T) {
	dir := t.TempDir()
	env := func(k string) string {
		if k == "XDG_STATE_HOME" {
			return dir
		}
		return ""
	}
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for _, v := range []string{"first fault", "second fault"} {
		path, err := writeCrashLog(env, at, v, []byte("goroutine 1 [running]:"))
		if err != nil {
			t.Fatal(err)
		}
		if path != filepath.Join(dir, "caseload", "caseload.log") {
			t.Fatalf("log at %s", path)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "caseload", "caseload.log"))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, `"msg":"panic","at":"2026-11-24T09:00:00Z","value":"first fault"`) || !strings.Contains(s, "second fault") {
		t.Fatalf("log:\n%s", s)
	}
	for path, want := range map[string]os.FileMode{filepath.Join(dir, "caseload"): 0o700, filepath.Join(dir, "caseload", "caseload.log"): 0o600} {
		fi, err := os.Stat(path)
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, %v; want %v", path, fi.Mode().Perm(), err, want)
		}
	}
}
