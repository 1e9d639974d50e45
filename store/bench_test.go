package store

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkReferrals20k loads a caseload of 20,000 referrals, as the queue does on start.
func BenchmarkReferrals20k(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	if _, err := s.AddReferrals(ctx, "bench", t0, referralsN(20_000)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rs, err := s.Referrals(ctx)
		if err != nil || len(rs) != 20_000 {
			b.Fatalf("%d, %v", len(rs), err)
		}
	}
}

// BenchmarkAddReferral is one durable write: a referral, its person and its audit entry
// in one IMMEDIATE transaction, committed with synchronous=FULL.
func BenchmarkAddReferral(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r := fullReferral(b)
		r.Person.NHSNumber = testNHS(i)
		i++
		if _, err := s.AddReferral(ctx, "bench", t0, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen20k is opening a database of 20,000 referrals with every pre-open safety
// check (header, application id, schema version, quick_check) and the write-lock probe.
func BenchmarkOpen20k(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "open.db")
	st, err := Create(ctx, path, t0)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.AddReferrals(ctx, "bench", t0, referralsN(20_000)); err != nil {
		b.Fatal(err)
	}
	st.Close()
	b.ResetTimer()
	for b.Loop() {
		st, err := Open(ctx, path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
