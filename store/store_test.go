package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"caseload/internal/domain"
)

func TestCreateReopenRoundTrip(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"caseload.db", "a b?c#d%e&f=g.db", "ünï cødé.db"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			s, err := Create(ctx, path, t0)
			if err != nil {
				t.Fatal(err)
			}
			full, minimal := fullReferral(t), minimalReferral()
			fullID, err := s.AddReferral(ctx, "os:alice", t0, full)
			if err != nil {
				t.Fatalf("full: %v", err)
			}
			minID, err := s.AddReferral(ctx, "os:alice", t0, minimal)
			if err != nil {
				t.Fatalf("minimal: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("the database is not at the path named: %v", err)
			}

			s, err = Open(ctx, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			full.ID, full.Person.ID = fullID, 1
			full.ResettlementAuthority = "Preston" // the store's reading of the area
			// and of the service's screening deadline setting, the default
			full.DeadlineRule, minimal.DeadlineRule = domain.Deadline48Hours, domain.Deadline48Hours
			// The store's defaults: received status, entered when recorded.
			minimal.ID, minimal.Person.ID, minimal.Status, minimal.EnteredAt = minID, 2, domain.StatusReceived, t0
			for _, want := range []domain.Referral{full, minimal} {
				got, err := s.Referral(ctx, want.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("referral %d:\n got %+v\nwant %+v", want.ID, got, want)
				}
			}
			all, err := s.Referrals(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(all, []domain.Referral{full, minimal}) {
				t.Errorf("Referrals = %+v", all)
			}
			if err := s.Verify(ctx); err != nil {
				t.Errorf("Verify: %v", err)
			}
		})
	}
}

func TestCreateRefusesExistingPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Create(context.Background(), path, t0)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Create over a file: %v, want ErrExists naming the file", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "precious\n" {
		t.Errorf("the existing file was changed: %q", b)
	}
}

func TestCreateRefusesLeftoverWAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "caseload.db")
	if err := os.WriteFile(path+"-wal", []byte("old frames"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Create(context.Background(), path, t0)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), path+"-wal is left over") {
		t.Fatalf("Create beside a stale -wal: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("Create made the database anyway")
	}
}

func TestCreateMakesPrivateFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	s := newStore(t)
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", fi.Mode().Perm())
	}
}

func TestCreateRecordsItselfAndSchema(t *testing.T) {
	s := newStore(t)
	var appID, version int
	if err := s.db.QueryRow("SELECT * FROM pragma_application_id, pragma_user_version").Scan(&appID, &version); err != nil {
		t.Fatal(err)
	}
	if appID != applicationID || version != len(migrations()) {
		t.Errorf("application_id %d user_version %d, want %d %d", appID, version, applicationID, len(migrations()))
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode %q (%v), want wal", mode, err)
	}
	es, err := s.AuditEntries(context.Background(), "database", 0)
	if err != nil || len(es) != 1 || es[0].Action != "database.created" || !es[0].At.Equal(t0) {
		t.Fatalf("creation audit = %+v, %v", es, err)
	}
}

func TestMigrationsAreNumberedInSequence(t *testing.T) {
	ms := migrations() // panics on a gap or a bad name
	if len(ms) == 0 || ms[0].name != "0001_init.sql" {
		t.Fatalf("migrations = %v", ms)
	}
}

func TestOpenIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		s, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Verify(ctx); err != nil {
			t.Error(err)
		}
		s.Close()
	}
}
