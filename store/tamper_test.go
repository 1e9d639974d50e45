package store_test

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/testdb"
	"caseload/store"
)

// tamperedAt is when the demo of these tests stands.
var tamperedAt = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// TestVerifyNamesEveryTampering edits a demo database the way anyone with the file and
// the sqlite3 shell could (guard triggers dropped first, as they would be), one kind of
// change at a time, and holds verify to naming it: the record, and where it can tell,
// the field and the audit entry. The chain rewritten from an entry on with every later
// hash recomputed, and entries cut off the end with sqlite_sequence lowered, leave no
// trace inside the file: the checkpoints outside it name those (internal/anchor,
// cmd/caseload's verify tests).
//
// Not under the race detector, which slows the pure-Go SQLite about tenfold and would
// spend two minutes here looking for races in memory these checks do not share: make
// test runs it without the race detector.
func TestVerifyNamesEveryTampering(t *testing.T) {
	if raceDetector {
		t.Skip("not under the race detector: make test runs it without")
	}
	const (
		signedNote   = "(SELECT min(id) FROM notes WHERE signed_at IS NOT NULL)"
		draftNote    = "(SELECT min(id) FROM notes WHERE signed_at IS NULL)"
		signedFormul = "(SELECT min(id) FROM formulations WHERE signed_at IS NOT NULL)"
	)
	for _, tt := range []struct {
		name   string
		sql    []string
		wants  []string
		fields string // the field verify should name, when it can
	}{
		{"signed note turned back into a draft",
			[]string{"UPDATE notes SET signed_at = NULL, hash = NULL WHERE id = " + signedNote},
			[]string{"says it was signed, and it is a draft now", "not what audit entry"}, "hash, signed_at"},
		{"signed note deleted",
			[]string{"DELETE FROM notes WHERE id = " + signedNote},
			[]string{"says it was signed, and it is not in the file", "it was deleted by another program"}, ""},
		{"signed note's text changed",
			[]string{"UPDATE notes SET text = 'Nothing of note.' WHERE id = " + signedNote},
			[]string{"signed content no longer matches its signature", "text is not what audit entry"}, "text"},
		{"draft note's text changed",
			[]string{"UPDATE notes SET text = 'Changed behind the author.' WHERE id = " + draftNote},
			[]string{"text is not what audit entry"}, "text"},
		{"note added",
			[]string{"INSERT INTO notes (case_id, author_id, text, created_at, updated_at, revision) " +
				"SELECT case_id, author_id, 'Invented.', created_at, updated_at, 1 FROM notes WHERE id = " + draftNote},
			[]string{"no audit entry recorded it"}, ""},
		{"addendum's text changed",
			[]string{"UPDATE addenda SET text = 'Other words.' WHERE id = (SELECT min(id) FROM addenda)"},
			[]string{"signed content no longer matches its signature", "text is not what"}, "text"},
		{"signed formulation changed",
			[]string{"UPDATE formulations SET sections = json_set(sections, '$.plan', 'Nothing.') WHERE id = " + signedFormul},
			[]string{"signed content no longer matches its signature", "sections is not what"}, "sections"},
		{"person's name changed",
			[]string{"UPDATE people SET family_name = 'Someone-Else' WHERE id = 1"},
			[]string{"person 1: family_name is not what audit entry"}, "family_name"},
		{"person's NHS number changed",
			[]string{"UPDATE people SET nhs_number = '9990000018' WHERE id = 2"},
			[]string{"person 2: nhs_number is not what"}, "nhs_number"},
		{"person added",
			[]string{"INSERT INTO people (given_name, family_name, is_fictional) VALUES ('Invented', 'Person', 1)"},
			[]string{"no audit entry recorded it, so it was written by another program"}, ""},
		{"referral's status changed",
			[]string{"UPDATE referrals SET status = 'withdrawn' WHERE id = (SELECT min(id) FROM referrals WHERE status = 'received')"},
			[]string{"status is not what"}, "status"},
		{"referral's receipt moved",
			[]string{"UPDATE referrals SET received_at = '2026-11-23T09:00:00Z' WHERE id = 3"},
			[]string{"referral 3: received_at is not what"}, "received_at"},
		{"referral deleted",
			[]string{"DELETE FROM referrals WHERE id = (SELECT max(id) FROM referrals WHERE status = 'received')"},
			[]string{"it was deleted by another program"}, ""},
		{"screening decision's outcome changed",
			[]string{"UPDATE screenings SET reason = 'Another reason.' WHERE id = (SELECT min(id) FROM screenings)"},
			[]string{"screening decision 1: reason is not what"}, "reason"},
		{"screening decision deleted",
			[]string{"DELETE FROM screenings WHERE id = (SELECT max(id) FROM screenings)"},
			[]string{"deleted by another program"}, ""},
		{"consultation changed",
			[]string{"UPDATE consultations SET rationale = 'Other words.' WHERE id = (SELECT min(id) FROM consultations)"},
			[]string{"consultation 1: rationale is not what"}, "rationale"},
		{"withdrawal invented",
			[]string{"INSERT INTO withdrawals (referral_id, reason, withdrawn_by, withdrawn_at) " +
				"SELECT id, 'Invented.', 'os:mallory', received_at FROM referrals WHERE status = 'received' LIMIT 1"},
			[]string{"withdrawal", "no audit entry recorded it"}, ""},
		{"case given to another clinician",
			[]string{"UPDATE cases SET allocated_clinician_id = (SELECT max(id) FROM clinicians) WHERE id = (SELECT min(id) FROM cases)"},
			[]string{"case 1: allocated_clinician_id is not what"}, "allocated_clinician_id"},
		{"clinician renamed",
			[]string{"UPDATE clinicians SET name = 'Dr Mallory' WHERE id = 1"},
			[]string{"clinician 1: name is not what"}, "name"},
		{"clinician's account rebound",
			[]string{"UPDATE clinicians SET os_user = 'mallory' WHERE id = 1"},
			[]string{"clinician 1: os_user is not what"}, "os_user"},
		{"deactivated clinician made active",
			[]string{"UPDATE clinicians SET active = 1 - active WHERE id = 2"},
			[]string{"clinician 2: active is not what"}, "active"},
		{"sentence date moved",
			[]string{"UPDATE sentence_dates SET date = '2027-01-01' WHERE id = (SELECT min(id) FROM sentence_dates)"},
			[]string{"sentence date", "date is not what"}, "date"},
		{"sentence date marked confirmed",
			[]string{"UPDATE sentence_dates SET confirmed = 1 - confirmed WHERE id = (SELECT min(id) FROM sentence_dates)"},
			[]string{"confirmed is not what"}, "confirmed"},
		{"release history row deleted",
			[]string{"DELETE FROM release_changes WHERE id = (SELECT min(id) FROM release_changes)"},
			[]string{"release date change", "deleted by another program"}, ""},
		{"forum meeting moved",
			[]string{"UPDATE forum_meetings SET meeting_date = '2027-02-02' WHERE id = 1"},
			[]string{"forum meeting 1: meeting_date is not what"}, "meeting_date"},
		{"forum action reworded",
			[]string{"UPDATE forum_actions SET text = 'Nothing to do.' WHERE rowid = (SELECT min(rowid) FROM forum_actions)"},
			[]string{"forum action", "text is not what"}, "text"},
		{"forum involvement deleted",
			[]string{"DELETE FROM forum_involvements WHERE rowid = (SELECT min(rowid) FROM forum_involvements)"},
			[]string{"forum involvement", "deleted by another program"}, ""},
		{"setting changed",
			[]string{"UPDATE settings SET value = '2-working-days' WHERE key = 'screening-deadline'"},
			[]string{"setting 1: value is not what"}, "value"},
		{"guard trigger dropped and left dropped",
			[]string{"DROP TRIGGER notes_signed_no_update"},
			[]string{"does not match its version (", "it was changed by another program, so caseload will not use it"}, ""},
		{"audit entry's detail changed",
			[]string{`UPDATE audit SET detail = '{"referral_id":99}' WHERE id = 10`},
			[]string{"audit entry 10: hash does not match its content"}, ""},
		{"audit entry deleted",
			[]string{"DELETE FROM audit WHERE id = 10"},
			[]string{"audit entry 11: prev_hash does not match entry 9 (entry 10 is missing)"}, ""},
		{"audit entries cut off the end",
			[]string{"DELETE FROM audit WHERE id > (SELECT max(id) - 3 FROM audit)"},
			[]string{"missing from the end of the chain"}, ""},
		{"search index changed",
			[]string{"INSERT INTO notes_search (rowid, present, text) VALUES (" + signedNote + ", NULL, 'extra words')"},
			[]string{"the search index (notes_search) no longer matches note"}, ""},
		{"search index's word counts changed",
			[]string{"UPDATE notes_search_docsize SET sz = X'1D22' WHERE id = " + signedNote},
			[]string{"the search index (notes_search) no longer matches note 1:"}, ""},
		{"formulation search text changed",
			[]string{"UPDATE formulations_search SET text = 'other' WHERE rowid = " + signedFormul},
			[]string{"the search index (formulations_search) no longer matches formulation"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			st := testdb.Demo(t, tamperedAt)
			path := st.Path()
			if err := st.Verify(ctx); err != nil {
				t.Fatalf("the demo before tampering: %v", err)
			}
			st.Close()
			tamper(t, path, tt.sql...)
			st, err := store.OpenForVerify(ctx, path, store.Options{})
			if err != nil {
				t.Fatalf("OpenForVerify after tampering: %v", err)
			}
			defer st.Close()
			r, err := st.VerifyReport(ctx)
			if err != nil {
				t.Fatalf("VerifyReport: %v", err)
			}
			for _, want := range tt.wants {
				found := false
				for _, p := range r.Problems {
					found = found || strings.Contains(p.Text, want)
				}
				if !found {
					t.Errorf("verify did not say %q; it said:\n%s", want, lines(r))
				}
			}
			if tt.fields != "" {
				found := false
				for _, p := range r.Problems {
					found = found || p.Field == tt.fields
				}
				if !found {
					t.Errorf("no problem names the field %q; verify said:\n%s", tt.fields, lines(r))
				}
			}
		})
	}
}

// tamper runs statements on the file through a connection of its own, as the sqlite3
// shell would: it drops every trigger that guards a record, makes the change, and puts
// the triggers back as they were, as a careful forger would (the search indexes'
// triggers stay throughout: they keep the index in step). A statement "DROP TRIGGER x"
// among stmts leaves x dropped.
func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name NOT LIKE '%search%'")
	if err != nil {
		t.Fatal(err)
	}
	guards := map[string]string{}
	for rows.Next() {
		var name, text string
		if err := rows.Scan(&name, &text); err != nil {
			t.Fatal(err)
		}
		guards[name] = text
	}
	rows.Close()
	var before, after []string
	for name, text := range guards {
		before = append(before, "DROP TRIGGER "+name)
		if !slices.Contains(stmts, "DROP TRIGGER "+name) {
			after = append(after, text)
		}
	}
	for _, q := range slices.Concat(before, slices.DeleteFunc(slices.Clone(stmts), func(q string) bool {
		return strings.HasPrefix(q, "DROP TRIGGER ")
	}), after) {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func lines(r store.Report) string {
	var b strings.Builder
	for _, p := range r.Problems {
		b.WriteString("\t" + p.Text + " [" + p.Record + " " + p.Key + " field=" + p.Field + "]\n")
	}
	return b.String()
}
