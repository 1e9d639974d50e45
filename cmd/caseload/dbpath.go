package main

import (
	"errors"
	"os/user"
	"path/filepath"
)

// defaultDBPath is the database used when --db is not given: $CASELOAD_DB, else
// caseload.db in the user's data folder ($XDG_DATA_HOME/caseload, else
// ~/.local/share/caseload). Resolved in this one place so the app, the scripts and the
// help all agree.
func defaultDBPath(env func(string) string) (string, error) {
	if p := env("CASELOAD_DB"); p != "" {
		return p, nil
	}
	dir, err := dataFolder(env)
	if err != nil {
		return "", errors.New("cannot tell where your data folder is (HOME is not set): name the database with --db FILE or CASELOAD_DB")
	}
	return filepath.Join(dir, "caseload.db"), nil
}

// dataFolder is caseload's folder in the user's data folder: $XDG_DATA_HOME/caseload,
// else ~/.local/share/caseload. The default database and the anchor key live there.
func dataFolder(env func(string) string) (string, error) {
	// The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
	if d := env("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "caseload"), nil
	}
	home := env("HOME")
	if home == "" {
		home = env("USERPROFILE") // Windows
	}
	if home == "" {
		return "", errors.New("cannot tell where your data folder is (HOME is not set)")
	}
	return filepath.Join(home, ".local", "share", "caseload"), nil
}

// osActor names the person at the keyboard for the audit: "os:" and their account name,
// from the operating system, else $USER, else "os:unknown" (a container with no passwd
// entry), so an audit entry is never without a who.
func osActor(current func() (*user.User, error), env func(string) string) string {
	if u, err := current(); err == nil && u.Username != "" {
		return "os:" + u.Username
	}
	if name := env("USER"); name != "" {
		return "os:" + name
	}
	return "os:unknown"
}
