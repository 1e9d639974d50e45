package store

import (
	"caseload/internal/clock"
	"context"
	"errors"
	"strings"
	"testing"
)

// storeWithEntries makes a store whose audit holds entries 1 (creation) to 6.
func storeWithEntries(t *testing.T) *Store {
	t.Helper()
	s := newStore(t)
	if _, err := s.AddReferrals(context.Background(), "import", t0, referralsN(5)); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "audit"); n != 6 {
		t.Fatalf("%d audit entries, want 6", n)
	}
	return s
}

func TestAuditIsAppendOnly(t *testing.T) {
	s := storeWithEntries(t)
	for _, q := range []string{
		"UPDATE audit SET detail = '{}' WHERE id = 2",
		"DELETE FROM audit WHERE id = 2",
		"DELETE FROM audit",
	} {
		_, err := s.db.Exec(q)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused", q, err)
		}
	}
	if err := s.Verify(context.Background()); err != nil {
		t.Errorf("Verify after refused tampering: %v", err)
	}
}

func TestAuditChainLinks(t *testing.T) {
	s := storeWithEntries(t)
	rows, err := s.db.Query("SELECT id, prev_hash, hash FROM audit ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	prev := strings.Repeat("0", 64)
	for rows.Next() {
		var id int64
		var p, h string
		if err := rows.Scan(&id, &p, &h); err != nil {
			t.Fatal(err)
		}
		if p != prev {
			t.Errorf("entry %d prev_hash %s, want %s", id, p, prev)
		}
		prev = h
	}
}

func TestCanonicalIsUnambiguous(t *testing.T) {
	a := canonical(1, "2026-11-24T09:00:00Z", "os:al", "ice.x", "e", 2, "{}")
	b := canonical(1, "2026-11-24T09:00:00Z", "os:alice", ".x", "e", 2, "{}")
	if string(a) == string(b) {
		t.Error("moving text between fields gives the same canonical bytes")
	}
}

func TestVerifyFindsTampering(t *testing.T) {
	tests := []struct {
		name    string
		tamper  []string
		rehash  int64 // re-compute this entry's hash after tampering, as a careful forger would
		problem string
	}{
		{"fresh", nil, 0, ""},
		{"detail changed", []string{
			"DROP TRIGGER audit_no_update",
			`UPDATE audit SET detail = '{"referral_id":99}' WHERE id = 4`,
		}, 0, "audit entry 4: hash does not match its content"},
		{"actor changed and rehashed", []string{
			"DROP TRIGGER audit_no_update",
			"UPDATE audit SET actor = 'os:mallory' WHERE id = 4",
		}, 4, "audit entry 5: prev_hash does not match entry 4"},
		{"middle entry deleted", []string{
			"DROP TRIGGER audit_no_delete",
			"DELETE FROM audit WHERE id = 4",
		}, 0, "audit entry 5: prev_hash does not match entry 3 (entry 4 is missing)"},
		{"first entry deleted", []string{
			"DROP TRIGGER audit_no_delete",
			"DELETE FROM audit WHERE id = 1",
		}, 0, "audit entry 2: prev_hash does not match the start of the chain (entry 1 is missing)"},
		{"last entries cut off", []string{
			"DROP TRIGGER audit_no_delete",
			"DELETE FROM audit WHERE id >= 5",
		}, 0, "audit entries 5 to 6 are missing from the end of the chain, which stops at entry 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storeWithEntries(t)
			for _, q := range tt.tamper {
				if _, err := s.db.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if tt.rehash != 0 {
				rehash(t, s, tt.rehash)
			}
			if tt.problem == "" {
				mustVerify(t, s)
				return
			}
			mustFind(t, s, tt.problem)
		})
	}
}

// rehash re-computes entry id's hash from its (tampered) content.
func rehash(t *testing.T, s *Store, id int64) {
	t.Helper()
	var e AuditEntry
	var at string
	err := s.db.QueryRow("SELECT at, actor, action, entity, entity_id, detail, prev_hash FROM audit WHERE id = ?", id).
		Scan(&at, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail, &e.PrevHash)
	if err != nil {
		t.Fatal(err)
	}
	h := entryHash(e.PrevHash, canonical(id, at, e.Actor, e.Action, e.Entity, e.EntityID, e.Detail))
	if _, err := s.db.Exec("UPDATE audit SET hash = ? WHERE id = ?", h, id); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyFindsPageDamage(t *testing.T) {
	s := storeWithEntries(t)
	// Break an index behind SQLite's back: the rows stay, the index loses one.
	for _, q := range []string{"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = replace(sql, 'status, received_at', 'received_at, status') WHERE name = 'referrals_queue'",
		"PRAGMA writable_schema = OFF"} {
		if _, err := s.db.Exec(q); err != nil {
			t.Skipf("cannot set up index damage here: %v", err)
		}
	}
	// A fresh connection reads the altered schema.
	path := s.Path()
	s.Close()
	s2, err := open(context.Background(), path, DefaultBusyTimeout, clock.System{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if err := s2.Verify(context.Background()); !errors.Is(err, ErrCorrupt) || !strings.HasPrefix(err.Error(), "integrity check failed") {
		t.Errorf("Verify = %v", err)
	}
}

// Two sessions writing to one file at once take turns at the IMMEDIATE lock, so each
// entry extends the tail the other left and the chain never forks.
func TestChainDoesNotForkAcrossSessions(t *testing.T) {
	ctx := context.Background()
	a := newStore(t)
	b, err := Open(ctx, a.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	errs := make(chan error, 2)
	for _, s := range []*Store{a, b} {
		go func() {
			for range 20 {
				if _, err := s.AddReferral(ctx, "test", t0, minimalReferral()); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, a, "audit"); n != 41 {
		t.Errorf("%d audit entries, want 41", n)
	}
	if err := a.Verify(ctx); err != nil {
		t.Error(err)
	}
}
