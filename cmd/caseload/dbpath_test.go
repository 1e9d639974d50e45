package main

import (
	"errors"
	"os"
	"os/user"
	"path/filepath"
	"testing"
)

func TestDefaultDBPath(t *testing.T) {
	tests := []struct {
		name, caseloadDB, xdg, home, want string
	}{
		{"CASELOAD_DB wins", "/srv/team.db", "/xdg", "/home/ann", "/srv/team.db"},
		{"XDG data folder", "", "/xdg", "/home/ann", filepath.Join("/xdg", "caseload", "caseload.db")},
		{"relative XDG ignored", "", "xdg", "/home/ann", filepath.Join("/home/ann", ".local", "share", "caseload", "caseload.db")},
		{"home", "", "", "/home/ann", filepath.Join("/home/ann", ".local", "share", "caseload", "caseload.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CASELOAD_DB", tt.caseloadDB)
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			t.Setenv("HOME", tt.home)
			got, err := defaultDBPath(os.Getenv)
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	t.Run("no home", func(t *testing.T) {
		for _, k := range []string{"CASELOAD_DB", "XDG_DATA_HOME", "HOME", "USERPROFILE"} {
			t.Setenv(k, "")
		}
		if _, err := defaultDBPath(os.Getenv); err == nil {
			t.Error("want an error saying to use --db")
		}
	})
}

func TestOSActor(t *testing.T) {
	alice := func() (*user.User, error) { return &user.User{Username: "alice"}, nil }
	nobody := func() (*user.User, error) { return nil, errors.New("no passwd entry") }
	env := func(v string) func(string) string { return func(string) string { return v } }
	for _, tt := range []struct {
		current func() (*user.User, error)
		userVar string
		want    string
	}{
		{alice, "bob", "os:alice"},
		{nobody, "bob", "os:bob"},
		{nobody, "", "os:unknown"},
	} {
		if got := osActor(tt.current, env(tt.userVar)); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
