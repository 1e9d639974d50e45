package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"
)

// authorityColumn is the stored resettlement_authority of a referral, "NULL" for NULL.
func authorityColumn(t *testing.T, s *Store, id int64) string {
	t.Helper()
	var a sql.NullString
	if err := s.db.QueryRow("SELECT resettlement_authority FROM referrals WHERE id = ?", id).Scan(&a); err != nil {
		t.Fatal(err)
	}
	if !a.Valid {
		return "NULL"
	}
	return a.String
}

// The typed area and the authority it was read as are stored side by side when a
// referral is added, and a correction of the area re-reads it in the same transaction
// as its audit entry.
func TestResettlementAuthorityStored(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	for _, tt := range []struct{ typed, want string }{
		{"Kendal", "Westmorland and Furness"},
		{"Blackpool Council", "Blackpool"},
		{"Leeds", "Leeds"},
		{"Prestn", "NULL"},
		{"", "NULL"},
	} {
		r := fullReferral(t)
		r.Person.NHSNumber = ""
		r.ResettlementArea = tt.typed
		id, err := s.AddReferral(ctx, "os:alice", t0, r)
		if err != nil {
			t.Fatal(err)
		}
		if got := authorityColumn(t, s, id); got != tt.want {
			t.Errorf("%q stored as %s, want %s", tt.typed, got, tt.want)
		}
		read, err := s.Referral(ctx, id)
		if err != nil || read.ResettlementArea != tt.typed || read.ResettlementAuthority != strings.TrimPrefix(tt.want, "NULL") {
			t.Errorf("%q read back as %q, %q (%v)", tt.typed, read.ResettlementArea, read.ResettlementAuthority, err)
		}
	}

	id := mustAdd(t, s, fullReferral(t))
	was, err := s.Referral(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	r := was
	r.ResettlementArea = "Morecambe"
	if err := s.UpdateReferral(ctx, "os:alice", t0, was, r); err != nil {
		t.Fatal(err)
	}
	if got := authorityColumn(t, s, id); got != "Lancaster" {
		t.Errorf("corrected to Morecambe, stored %s, want Lancaster", got)
	}
	var detail string
	if err := s.db.QueryRow("SELECT detail FROM audit WHERE action = 'referral.corrected' AND entity_id = ?", id).Scan(&detail); err != nil {
		t.Fatal(err)
	}
	if want := `{"field":"resettlement_authority","old":"Preston","new":"Lancaster"}`; !strings.Contains(detail, want) {
		t.Errorf("audit %s lacks %s", detail, want)
	}
	mustVerify(t, s)
}

func TestResettlementAuthorityOfImportedCases(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	cs := importedCases(mustClinician(t, s, "Dr Tom Halliwell", true))
	cs[0].ResettlementArea = "Barrow-in-Furness, Cumbria"
	if _, err := s.ImportCases(ctx, "os:alice", t0, cs); err != nil {
		t.Fatal(err)
	}
	var got string
	if err := s.db.QueryRow(`SELECT resettlement_area || ' = ' || ifnull(resettlement_authority, 'NULL') FROM referrals
		WHERE resettlement_area IS NOT NULL`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if want := "Barrow-in-Furness, Cumbria = Westmorland and Furness"; got != want {
		t.Errorf("imported %s, want %s", got, want)
	}
}

// A database at schema 8 is brought up to date with every stored area read.
func TestOpenMigratesVersion8ReadsStoredAreas(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	kendal, leeds := fullReferral(t), fullReferral(t)
	kendal.ResettlementArea = "Kendal"
	leeds.ResettlementArea, leeds.Person.NHSNumber = "Leeds", ""
	ids := []int64{mustAdd(t, s, kendal), mustAdd(t, s, leeds), mustAdd(t, s, minimalReferral())}
	path := downgrade(t, s, 8)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, want := range []string{"Westmorland and Furness", "Leeds", "NULL"} {
		if got := authorityColumn(t, s, ids[i]); got != want {
			t.Errorf("referral %d: %s, want %s", ids[i], got, want)
		}
	}
}
