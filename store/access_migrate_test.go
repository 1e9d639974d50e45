package store

import (
	"context"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
)

// Bringing a schema 15 file forward gives whoever's role was "lead" (any case, spaces
// around) the access lead and everyone else clinician, and seals each clinician row
// again, so the file verifies; a row changed behind caseload's back before the upgrade
// is not vouched for, and Verify still finds it.
func TestOpenMigratesVersion15GivesAccess(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	var ids []int64
	for _, c := range []domain.Clinician{
		{Name: "Dr Lee Lead", Role: " LEAD ", Active: true},
		{Name: "Dr Tom Halliwell", Role: "clinical psychologist", Active: true},
		{Name: "Dr Gone", Role: "lead", Active: false},
		{Name: "Kim Changed", Role: "nurse", Active: true},
	} {
		id, err := s.AddClinician(ctx, "os:root", t0, c)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	path := downgrade(t, s, 15)
	resealAsVersion15(t, path)
	raw := atVersion(t, path, 0)
	if _, err := raw.Exec("UPDATE clinicians SET name = 'Kim Behind' WHERE id = ?", ids[3]); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	s, err := Open(ctx, path, Options{Clock: clock.Fixed(t0.Add(time.Hour))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := []domain.Access{domain.AccessLead, domain.AccessClinician, domain.AccessLead, domain.AccessClinician}
	for i, id := range ids {
		if c := clinicianNamed(t, s, id); c.Access != want[i] {
			t.Errorf("%s: access %q, want %q", c.Name, c.Access, want[i])
		}
	}
	r := mustFind(t, s, "clinician 4: its values are not what audit entry")
	if len(r.Problems) != 1 {
		t.Errorf("Verify found %d problems, want only the row changed behind its back: %+v", len(r.Problems), r.Problems)
	}
}

// resealAsVersion15 seals every clinician row of a schema 15 file as a caseload of
// schema 15 did (without access), in one entry: downgrade copied seals made with the
// column.
func resealAsVersion15(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	db := atVersion(t, path, 0)
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	tbl, _ := sealedTableNamed("clinicians")
	var seals []seal
	if err := eachImage(ctx, tx, tbl, func(key string, img rowImage) error {
		seals = append(seals, seal{tbl.name, key, img.hash, img.fields})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	c, err := openChain(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.appendSealed(ctx, "os:root", t0, "clinician.added", "clinician", 0, struct{}{}, seals); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}
