package benchdb

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"caseload/internal/clock"
	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
)

// version is the builder's own: raise it when what a fixture holds changes, so cached
// files made by the old builder are not taken for new ones.
const version = 1

// build writes the fixture at path through the store's own calls (the referrals, the
// cases, their release changes and meetings, each with its audit entries), except the
// notes, which are inserted straight into their table in one transaction: a million
// notes through AddNote and SignNote would take most of an hour. The notes' search
// index is filled by the schema's own triggers.
func build(path string, f Fixture) error {
	ctx := context.Background()
	st, err := store.Create(ctx, path, Now)
	if err != nil {
		return err
	}
	refs := demo.ManyReferrals(Now, f.Referrals)
	if f.Imported {
		for i := range refs {
			refs[i].Status, refs[i].ScreenedAt = domain.StatusReceived, time.Time{}
		}
	}
	if _, err := st.AddReferrals(ctx, "bench", Now, refs); err != nil {
		st.Close()
		return err
	}
	var clinicians []int64
	for _, c := range demo.Clinicians() {
		id, err := st.AddClinician(ctx, "bench", Now, c)
		if err != nil {
			st.Close()
			return err
		}
		clinicians = append(clinicians, id)
	}
	var cases []int64
	if f.pathway() {
		if cases, err = addPathway(ctx, st, clinicians, refs, f.cases()); err != nil {
			st.Close()
			return err
		}
	}
	if err := st.Close(); err != nil {
		return err
	}
	if f.Notes > 0 {
		return addNotes(path, clinicians[0], cases, f.Notes)
	}
	return nil
}

// addPathway adds n open cases in every phase, moves and confirms most of their
// release dates, and records 3n forum meetings from a year before Now to two months
// after.
func addPathway(ctx context.Context, st *store.Store, clinicians []int64, refs []domain.Referral, n int) ([]int64, error) {
	today := ident.DateOf(Now.In(clock.London()))
	cases := demo.ManyCases(today, clinicians, refs, n)
	ids, err := st.ImportCases(ctx, "bench", Now, cases)
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		if len(cases[i].Release.Dates) == 0 {
			continue
		}
		e := cases[i].Release.Dates[0]
		moved := domain.ReleaseDate{Date: e.Date.AddDays(7 + 7*(i%5)), Kind: e.Kind}
		for k, to := range []domain.ReleaseDate{moved, {Date: moved.Date, Kind: domain.ReleaseConfirmed, Confirmed: true}} {
			if _, err := st.ChangeRelease(ctx, "bench", Now.AddDate(0, 0, k-30+i%25), id, to, "Parole hearing moved."); err != nil {
				return nil, fmt.Errorf("case %d: %w", id, err)
			}
		}
	}
	for i := range 3 * n {
		if _, err := st.RecordForumMeeting(ctx, "bench", Now, demo.ManyMeeting(ids[i%len(ids)], today, i)); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// schemaKey names the schema this binary writes: a hash of a new database's
// sqlite_schema, so a migration (or an index added) makes every fixture new. Worked
// out once a process.
var schemaKey = sync.OnceValues(readSchemaKey)

func readSchemaKey() (string, error) {
	dir, err := os.MkdirTemp("", "caseload-bench-schema-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "schema.db")
	st, err := store.Create(context.Background(), path, Now)
	if err != nil {
		return "", err
	}
	if err := st.Close(); err != nil {
		return "", err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer db.Close()
	rows, err := db.Query("SELECT type, name, ifnull(sql, '') FROM sqlite_schema ORDER BY type, name")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	h := sha256.New()
	fmt.Fprintf(h, "builder %d\n", version)
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %s %s\n", typ, name, text)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return strconv.Itoa(version) + "-" + hex.EncodeToString(h.Sum(nil))[:12], nil
}
