package store

import (
	"bytes"
	"caseload/internal/clock"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Every table is either sealed (its rows are records) or listed as derived: a new
// table from a later migration fails here until someone decides which it is.
func TestEveryTableIsSealedOrDerived(t *testing.T) {
	s := newStore(t)
	rows, err := s.db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		_, sealed := sealedTableNamed(name)
		derived := slices.ContainsFunc(derivedTables, func(d string) bool { return name == d || strings.HasPrefix(name, d+"_") })
		if sealed == derived {
			t.Errorf("table %s: sealed %v, derived %v; want exactly one (store/seal.go)", name, sealed, derived)
		}
	}
}

// An entry carries the seal of every row its change wrote, and the seal is the row's
// after-image as Verify computes it.
func TestEntriesCarryTheSealsOfTheirRows(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	id, err := s.AddReferral(ctx, "os:alice", t0, minimalReferral())
	if err != nil {
		t.Fatal(err)
	}
	es, err := s.AuditEntries(ctx, "referral", id)
	if err != nil || len(es) != 1 {
		t.Fatalf("audit %+v, %v", es, err)
	}
	var detail struct{ Rows []seal }
	if err := json.Unmarshal([]byte(es[0].Detail), &detail); err != nil {
		t.Fatal(err)
	}
	var tables []string
	for _, sl := range detail.Rows {
		tables = append(tables, sl[0]+" "+sl[1])
		tbl, _ := sealedTableNamed(sl[0])
		want, found := imageNow(t, s, tbl, sl[1])
		if !found || sl[2] != want.hash || sl[3] != want.fields {
			t.Errorf("seal %v, row now %+v (found %v)", sl, want, found)
		}
	}
	if w := []string{"people 1", "referrals 1"}; !slices.Equal(tables, w) {
		t.Errorf("sealed %q, want %q", tables, w)
	}
}

func imageNow(t *testing.T, s *Store, tbl sealedTable, key string) (rowImage, bool) {
	t.Helper()
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	img, found, err := (&sealer{tx: tx}).image(context.Background(), tbl, key)
	if err != nil {
		t.Fatal(err)
	}
	return img, found
}

// A change the store makes without its audit entry is refused whole: a bug must not
// leave a row the audit never saw.
func TestChangeWithoutAuditIsRefused(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	err := s.inTx(ctx, "changing a setting", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE settings SET value = '2-working-days'")
		return err
	})
	if !errors.Is(err, errUnaudited) {
		t.Fatalf("inTx = %v, want errUnaudited", err)
	}
	var v string
	if err := s.db.QueryRow("SELECT value FROM settings").Scan(&v); err != nil || v != "48-hours" {
		t.Errorf("setting %q, %v: the change should have been rolled back", v, err)
	}
	mustVerify(t, s)
}

// A database from before seals (schema 13) has its rows sealed as it is brought
// forward, in entries of at most sealsPerEntry rows, and then verifies; a row changed
// behind its back after that is found.
func TestOpenMigratesVersion13SealsExistingRows(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	s, err := Create(ctx, path, t0)
	if err != nil {
		t.Fatal(err)
	}
	// Rows written as a caseload of schema 13 wrote them: no seals.
	for i := 0; i < 1200; i++ {
		if _, err := s.db.Exec("INSERT INTO people (given_name, family_name, is_fictional) VALUES ('Ann', ?, 1)",
			strings.Repeat("x", 1+i%7)); err != nil {
			t.Fatal(err)
		}
	}
	path = downgrade(t, s, 13)
	upgraded := t0.Add(72 * time.Hour)
	s, err = Open(ctx, path, Options{Clock: clock.Fixed(upgraded)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustVerify(t, s)
	var entries, sealed int
	var at string
	err = s.db.QueryRow(`SELECT count(DISTINCT a.id), count(*), max(a.at) FROM audit a, json_each(a.detail, '$.rows')
		WHERE a.action = 'database.sealed'`).Scan(&entries, &sealed, &at)
	if err != nil || entries != 3 || sealed != 1201 || at != formatTime(upgraded) { // 1,200 people and the setting
		t.Errorf("database.sealed: %d entries sealing %d rows at %s, %v; want 3 sealing 1201 at %s",
			entries, sealed, at, err, formatTime(upgraded))
	}
	if _, err := s.db.Exec("UPDATE people SET family_name = 'Changed' WHERE id = 700"); err != nil {
		t.Fatal(err)
	}
	mustFind(t, s, "person 700: family_name is not what audit entry")
}

// A file lowered to schema 13 by hand, with the schema made to match, still holds seals:
// it is refused untouched rather than having its rows sealed again as they now are,
// which would vouch for whatever was changed meanwhile.
func TestLoweredBelowSealsIsRefused(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	mustAdd(t, s, minimalReferral())
	path := s.path
	if _, err := s.db.Exec("UPDATE people SET family_name = 'Changed'; DROP INDEX audit_action; PRAGMA user_version = 13"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := Open(ctx, path, Options{}); !errors.Is(err, ErrSchemaChanged) {
		if err == nil {
			s.Close()
		}
		t.Fatalf("Open = %v, want ErrSchemaChanged", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused file was changed")
	}
}
