package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
)

// vocabulary is the words of the benchmark notes, commonest first: they are drawn with
// a Zipf distribution, so "the" is in every note and the clinical words further down
// are in a few percent of them, as in real notes.
var vocabulary = strings.Fields(`the and to of he was a in his that said with about for had on
	is it not at be they her have this would from session discussed plan we felt would been
	him she feel risk time week probation today next more support mood worker also sleep
	reported agreed family contact some release when what could talked over work how
	prison before after well things their there hostel officer recently drinking alcohol
	brother sister mother father partner children anxious angry calm low better worse
	appointment review medication housing money benefits debt court license conditions
	curfew tag approved premises room staff keyworker gp nurse psychiatrist psychologist
	formulation goals strengths trauma childhood school exclusion care foster violence
	victim harm self cutting overdose thoughts suicidal plans intent protective factors
	triggers warning signs relapse cannabis cocaine heroin methadone spice gambling
	gym football walking cooking reading music faith mosque church chaplain education
	course employment interview volunteering training apprenticeship certificate
	nightmares flashbacks hypervigilance startle avoidance numbness dissociation grief
	bereavement loss funeral anniversary letter phone video visit cancelled attended
	late missed rearranged rain bus train taxi probation-office library cafe park
	safeguarding disclosure concern referral mappa level category manager meeting
	minutes actions outstanding completed chased emailed forwarded copied informed
	consent capacity confidentiality sharing agreement boundaries rapport engagement
	motivation ambivalence change readiness stage contemplation action maintenance
	schema compassion mindfulness grounding breathing distress tolerance skills
	worksheet homework diary chart scale score baseline follow-up discharge closure`)

// noteText is a note of about words words from the vocabulary, in sentences.
func noteText(r *rand.Rand, z *rand.Zipf, words int) string {
	var b strings.Builder
	b.Grow(words * 7)
	for i := 0; i < words; i++ {
		w := vocabulary[z.Uint64()]
		switch {
		case i%12 == 0:
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		case r.IntN(20) == 0:
			b.WriteString(", " + w)
			continue
		default:
			b.WriteByte(' ')
			b.WriteString(w)
		}
		if i%12 == 11 {
			b.WriteString(". ")
		}
	}
	b.WriteByte('.')
	return b.String()
}

func newZipf(seed uint64) (*rand.Rand, *rand.Zipf) {
	r := rand.New(rand.NewPCG(seed, 7))
	return r, rand.NewZipf(r, 1.07, 2, uint64(len(vocabulary)-1))
}

// seedCases adds n people, accepted referrals and open cases allocated to clinician,
// directly in one transaction (the decisions' own paths are tested elsewhere; a
// benchmark needs thousands quickly), and returns the case ids.
func seedCases(tb testing.TB, s *Store, clinician int64, n int) []int64 {
	tb.Helper()
	ids := make([]int64, n)
	bulk(tb, s, func(tx *sql.Tx) error {
		for i := range ids {
			res, err := tx.Exec("INSERT INTO people (given_name, family_name) VALUES (?, ?)", fmt.Sprint("Given", i), "Family")
			if err != nil {
				return err
			}
			person, _ := res.LastInsertId()
			res, err = tx.Exec(`INSERT INTO referrals (person_id, source, received_at, entered_at, status)
				VALUES (?, 'probation', ?, ?, 'accepted')`, person, formatTime(t0), formatTime(t0))
			if err != nil {
				return err
			}
			referral, _ := res.LastInsertId()
			res, err = tx.Exec(`INSERT INTO cases (referral_id, person_id, allocated_clinician_id, opened_at, status)
				VALUES (?, ?, ?, ?, 'open')`, referral, person, clinician, formatTime(t0))
			if err != nil {
				return err
			}
			ids[i], _ = res.LastInsertId()
		}
		return nil
	})
	return ids
}

// seedSignedNotes adds n signed notes by author, spread over cases round-robin, each of
// about words words and then suffix, with their real hashes, in one transaction with
// one prepared statement. Contacts run forward an hour a note up to t0, as they are
// written in use, so the newest notes have the highest ids (which Search's window
// takes as the newest).
func seedSignedNotes(tb testing.TB, s *Store, author int64, cases []int64, n, words int, suffix string) {
	tb.Helper()
	r, z := newZipf(1)
	bulk(tb, s, func(tx *sql.Tx) error {
		var next int64
		if err := tx.QueryRow("SELECT ifnull(max(id), 0) + 1 FROM notes").Scan(&next); err != nil {
			return err
		}
		insert, err := tx.Prepare(`INSERT INTO notes (id, case_id, author_id, type, contact_at, duration_minutes,
			present, text, created_at, updated_at, signed_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insert.Close()
		for i := range n {
			note := domain.Note{ID: next + int64(i), CaseID: cases[i%len(cases)], AuthorID: author,
				Type: domain.NoteTypes[i%len(domain.NoteTypes)], ContactAt: t0.Add(-time.Duration(n-1-i) * time.Hour),
				DurationMinutes: 30 + i%60, Present: "the person and Dr Ali", Text: noteText(r, z, words) + suffix}
			note.SignedAt = note.ContactAt.Add(2 * time.Hour)
			note.Hash = domain.SignedNoteHash(note)
			written := formatTime(note.ContactAt.Add(time.Hour))
			if _, err := insert.Exec(note.ID, note.CaseID, author, string(note.Type), formatTime(note.ContactAt),
				note.DurationMinutes, note.Present, note.Text, written, written, formatTime(note.SignedAt), note.Hash); err != nil {
				return err
			}
		}
		return nil
	})
}

// bulk runs fn in one transaction straight on the database, without audit entries.
func bulk(tb testing.TB, s *Store, fn func(tx *sql.Tx) error) {
	tb.Helper()
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		tb.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}
