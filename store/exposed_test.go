package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

// A database every account on the computer may read or write is refused, by Open and
// OpenReadOnly alike, with the chmod that fixes it, and left exactly as it was; one
// shared with a group (how the team's accounts share it today) opens (issue 12,
// finding 6).
func TestOpenRefusesADatabaseOpenToEveryone(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	path := s.path
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []os.FileMode{0o644, 0o604, 0o602, 0o666} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(path)
		for name, open := range map[string]func() (*Store, error){
			"Open":         func() (*Store, error) { return Open(ctx, path, Options{}) },
			"OpenReadOnly": func() (*Store, error) { return OpenReadOnly(ctx, path, Options{}) },
		} {
			st, err := open()
			if err == nil {
				st.Close()
			}
			if !errors.Is(err, ErrExposed) || !strings.Contains(err.Error(), "chmod o-rwx "+path) {
				t.Errorf("%s of a file with mode %04o: %v, want ErrExposed with the chmod", name, mode, err)
			}
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Errorf("mode %04o: the refused file was changed", mode)
		}
	}
	if err := os.Chmod(path, 0o660); err != nil {
		t.Fatal(err)
	}
	st, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("a file shared with the group: %v", err)
	}
	defer st.Close()
	// The -wal and -shm SQLite makes beside it take the database's own mode.
	mustClinician(t, st, "Dr Jo Lead", true)
	for _, side := range []string{path + "-wal", path + "-shm"} {
		fi, err := os.Stat(side)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o660 {
			t.Errorf("%s has mode %04o; want 0660 like the database", side, fi.Mode().Perm())
		}
	}
}
