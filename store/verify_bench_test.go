package store

import (
	"context"
	"testing"
)

// BenchmarkAddReferrals20k is one import of 20,000 referrals: 20,000 people and
// referrals, each with its audit entry and the seals of its two rows, in one
// transaction.
func BenchmarkAddReferrals20k(b *testing.B) {
	ctx := context.Background()
	rs := referralsN(20_000)
	for b.Loop() {
		b.StopTimer()
		s := newStore(b)
		b.StartTimer()
		if _, err := s.AddReferrals(ctx, "bench", t0, rs); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkVerify20k is the whole of verify on a database of 20,000 referrals: pages,
// chain, every row against its seal, decisions, signatures and search indexes.
func BenchmarkVerify20k(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	if _, err := s.AddReferrals(ctx, "bench", t0, referralsN(20_000)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := s.VerifyReport(ctx)
		if err != nil || !r.OK() || r.Records < 40_000 {
			b.Fatalf("%+v, %v", r.Problems, err)
		}
	}
}
