package benchdb

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"strings"
	"time"

	"caseload/internal/domain"
)

// noteWords is the notes' vocabulary, the commonest first: drawn with a Zipf law, as
// words in real notes are, so a search for two of the first words matches tens of
// thousands of notes and one for two of the last a few hundred.
var noteWords = strings.Fields(`the and to of he was in said about his that with
	session discussed probation plan risk sleep contact release week family support
	alcohol hostel appointment feelings anger mother work staff meeting early worry
	licence conditions nightmares brother medication hearing voices victim awareness
	trust calm difficult progress goals police visit letter court housing benefit
	money debt gym reading education course certificate church friend partner child
	contact centre manager keyworker psychiatrist nurse GP prescription review date
	kaleidoscope`)

// addNotes inserts n signed notes by author, round robin over cases, one every few
// minutes up to Now, so the newest have the highest ids as they would in use.
func addNotes(path string, author int64, cases []int64, n int) error {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=synchronous(OFF)&_pragma=foreign_keys(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	var next int64
	if err := tx.QueryRowContext(ctx, "SELECT ifnull(max(id), 0) + 1 FROM notes").Scan(&next); err != nil {
		return err
	}
	// The id is given, not left to SQLite, because the signature covers it.
	insert, err := tx.PrepareContext(ctx, `INSERT INTO notes (id, case_id, author_id, type, contact_at,
		duration_minutes, present, text, created_at, updated_at, signed_at, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insert.Close()
	r := rand.New(rand.NewPCG(5, 6))
	z := rand.NewZipf(r, 1.1, 2, uint64(len(noteWords)-2)) // the last word is in no note
	step := 10 * 365 * 24 * time.Hour / time.Duration(n)
	for i := range n {
		note := domain.Note{ID: next + int64(i), CaseID: cases[i%len(cases)], AuthorID: author,
			Type:      domain.NoteTypes[i%len(domain.NoteTypes)],
			ContactAt: Now.Add(-time.Duration(n-i) * step).Truncate(time.Minute), DurationMinutes: 30 + i%60,
			Present: "the person and Dr Ali", Text: noteText(r, z, 60)}
		note.SignedAt = note.ContactAt.Add(2 * time.Hour)
		note.Hash = domain.SignedNoteHash(note)
		written := note.ContactAt.Add(time.Hour).UTC().Format(time.RFC3339)
		if _, err := insert.ExecContext(ctx, note.ID, note.CaseID, author, string(note.Type),
			note.ContactAt.UTC().Format(time.RFC3339), note.DurationMinutes, note.Present, note.Text,
			written, written, note.SignedAt.UTC().Format(time.RFC3339), note.Hash); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func noteText(r *rand.Rand, z *rand.Zipf, words int) string {
	var b strings.Builder
	for i := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(noteWords[z.Uint64()])
		if r.IntN(12) == 0 {
			b.WriteByte('.')
		}
	}
	return b.String()
}
