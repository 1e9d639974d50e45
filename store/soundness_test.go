package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
)

// damagedPages makes a caseload file at path with pages 3 to 5 scribbled over.
func damagedPages(t *testing.T, path string) {
	t.Helper()
	caseloadFile(t, path, 300)
	fi, _ := os.Stat(path)
	if fi.Size() < 8*4096 {
		t.Fatalf("only %d bytes: too few pages to damage the middle", fi.Size())
	}
	scribble(t, path, 2*4096, 3*4096)
}

// A file with damaged pages opens (its full check runs in the background, so opening
// costs the same whatever its size), and then: its check says it is damaged, in the
// sentence Open used to refuse it with; every write is refused with that sentence; and
// the file's bytes, and the files beside it, are as they were (H31). OpenReadOnly, for
// the commands that print what they read, still checks before it opens.
func TestDamagedPagesAreNeverWritten(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case load.db")
	damagedPages(t, path)
	before := snap(t, path)

	if st, err := OpenReadOnly(ctx, path, Options{}); !errors.Is(err, ErrCorrupt) {
		if err == nil {
			st.Close()
		}
		t.Fatalf("OpenReadOnly: %v, want ErrCorrupt", err)
	}
	s, err := Open(ctx, path, Options{BusyTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	sentence := func(what string, err error) {
		t.Helper()
		var se *Error
		if !errors.Is(err, ErrCorrupt) || !errors.As(err, &se) || se.Path != path {
			t.Fatalf("%s: %v (%T), want ErrCorrupt naming %s", what, err, err, path)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, path+" is damaged (") ||
			!strings.HasSuffix(msg, "): restore it from a backup") || strings.Contains(msg, "\n") {
			t.Errorf("%s: %q, want one sentence naming the file", what, msg)
		}
	}
	sentence("Sound", s.Sound(ctx))
	_, err = s.AddReferral(ctx, "os:ada", t0, minimalReferral())
	sentence("AddReferral", err)
	// The app writes through a view of the store, which shares its verdict.
	lead := domain.Clinician{ID: 1, Name: "Dr Ali", Active: true, Access: domain.AccessLead}
	_, err = s.As(lead).AddReferral(ctx, "os:ada", t0, minimalReferral())
	sentence("a view's AddReferral", err)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	after := snap(t, path)
	if !bytes.Equal(before.data, after.data) {
		t.Error("the damaged file's bytes changed")
	}
	if !slices.Equal(before.files, after.files) {
		t.Errorf("files beside it changed: %v -> %v", before.files, after.files)
	}
}

// Open leaves the full check to the background exactly when nothing is to be written
// first: a file at this binary's schema; one whose schema it brings forward is checked
// before (the check ran, so there is none to wait for). A sound file's verdict is nil,
// and writes go on.
func TestOpenChecksInTheBackground(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name       string
		version    int // 0: the current schema
		background bool
	}{
		{"current schema", 0, true},
		{"schema to bring forward", len(migrations()) - 1, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "caseload.db")
			if tt.version > 0 {
				atVersion(t, path, tt.version).Close()
			} else {
				caseloadFile(t, path, 5)
			}
			s, err := Open(ctx, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got := s.sound != nil; got != tt.background {
				t.Errorf("checked in the background: %v, want %v", got, tt.background)
			}
			if err := s.Sound(ctx); err != nil {
				t.Fatalf("Sound: %v", err)
			}
			if _, err := s.AddReferral(ctx, "os:ada", t0, minimalReferral()); err != nil {
				t.Fatalf("a write after a sound check: %v", err)
			}
		})
	}
}

// Closing a store whose check still runs stops the check and waits for it, so no
// connection to the file outlives Close.
func TestCloseStopsTheCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "caseload.db")
	caseloadFile(t, path, 300)
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	check := s.sound
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-check.done:
	default:
		t.Fatal("Close returned with the check still running")
	}
}

// The check waits checkDelay after Open so that the first frame's reads have the
// machine to themselves, but a write does not wait that long: it starts the check at
// once. Here the delay is an hour, so a write that merely waited would time out.
func TestAWriteStartsTheCheck(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	caseloadFile(t, path, 5)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.stopCheck()
	s.sound = checkInBackground(path, DefaultBusyTimeout, time.Hour)
	select {
	case <-s.sound.done:
		t.Fatal("the check ran before its delay with nothing waiting for it")
	default:
	}
	write, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := s.AddReferral(write, "os:ada", t0, minimalReferral()); err != nil {
		t.Fatalf("a write waiting for a check due in an hour: %v", err)
	}
	if err := s.Sound(ctx); err != nil {
		t.Fatalf("Sound after the write: %v", err)
	}
}
