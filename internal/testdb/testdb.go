// Package testdb gives tests a real caseload database: a file in the test's temporary
// folder, created with the real migrations and filled with the demo through the same
// store calls as real use, closed when the test ends. Screen tests use it so that no
// fake can drift from the store.
package testdb

import (
	"context"
	"testing"
	"time"

	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/store"
)

// Demo is a database holding the demo clinicians, referrals, decisions and case
// records, as they stand at now.
func Demo(t testing.TB, now time.Time) *store.Store {
	t.Helper()
	st := Empty(t, now)
	if _, err := demo.Populate(context.Background(), st, "os:test", now); err != nil {
		t.Fatal(err)
	}
	return st
}

// Clinician is the clinician of st with this name.
func Clinician(t testing.TB, st *store.Store, name string) domain.Clinician {
	t.Helper()
	cs, err := st.Clinicians(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no clinician %q", name)
	return domain.Clinician{}
}
