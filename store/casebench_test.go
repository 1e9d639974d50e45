package store

import (
	"context"
	"testing"

	"caseload/internal/domain"
)

// BenchmarkNotes2000 opens a case of 2,000 signed notes of about 250 words (some 1.7
// KB each) with 200 addenda, as the case view does. Its notes were written over time
// among those of nine other cases (20,000 notes in all), so they lie spread through the
// table, not side by side.
func BenchmarkNotes2000(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	ali := mustClinician(b, s, "Dr Ali", true)
	cases := seedCases(b, s, ali, 10)
	seedSignedNotes(b, s, ali, cases, 20_000, 250, "") // round robin: note 1, 11, 21, ... are the first case's
	for i := range 200 {
		if _, err := s.AddAddendum(ctx, ali, t0, domain.Addendum{NoteID: int64(1 + i*10),
			Kind: domain.AddendumLaterInfo, Text: "Probation confirmed the date."}); err != nil {
			b.Fatal(err)
		}
	}
	for range 3 {
		mustSave(b, s, ali, draft(cases[0], "A draft being written."))
	}
	b.ReportAllocs()
	for b.Loop() {
		ns, err := s.Notes(ctx, cases[0], ali)
		if err != nil || len(ns) != 2_003 {
			b.Fatalf("%d notes, %v", len(ns), err)
		}
	}
}

// BenchmarkSignNote is signing one draft: read it, check it, hash it, set it and append
// the audit entry, in one IMMEDIATE transaction committed with synchronous=FULL.
func BenchmarkSignNote(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	ali := mustClinician(b, s, "Dr Ali", true)
	caseID := openCase(b, s, ali, 0)
	r, z := newZipf(2)
	text := noteText(r, z, 250)
	first := mustSave(b, s, ali, draft(caseID, text)).ID
	// The drafts are copies of the first, made in one statement: b.N saves would each
	// commit and take longer than the signing measured.
	if _, err := s.db.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO notes (case_id, author_id, type, contact_at, duration_minutes, present, text, created_at, updated_at)
		SELECT case_id, author_id, type, contact_at, duration_minutes, present, text, created_at, updated_at
		FROM notes, n WHERE id = ?`, b.N, first); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.SignNote(ctx, ali, t0, first+int64(i), 1); err != nil {
			b.Fatal(err)
		}
	}
}
