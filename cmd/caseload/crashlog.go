package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// stateDir is where caseload keeps its log: $XDG_STATE_HOME/caseload, else
// ~/.local/state/caseload. A relative XDG_STATE_HOME is ignored, as the XDG spec says.
func stateDir(env func(string) string) (string, error) {
	if d := env("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "caseload"), nil
	}
	home := env("HOME")
	if home == "" {
		home = env("USERPROFILE")
	}
	if home == "" {
		return "", errors.New("HOME is not set")
	}
	return filepath.Join(home, ".local", "state", "caseload"), nil
}

// writeCrashLog appends what stopped the app to caseload.log in the state folder, for
// whoever supports caseload, and returns the file's path. The panic value and the stack
// name code, never a person: screens hold records, but a stack holds only pointers and
// line numbers. The folder is 0700 and the file 0600, like the database.
func writeCrashLog(env func(string) string, at time.Time, value any, stack []byte) (string, error) {
	dir, err := stateDir(env)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "caseload.log")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return "", err
	}
	_, err = fmt.Fprintf(f, "%s panic: %v\n%s\n", at.UTC().Format(time.RFC3339), value, stack)
	return path, errors.Join(err, f.Close())
}
