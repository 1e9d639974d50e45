package store

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"caseload/internal/domain"
)

// A database made by a binary that knew only 0001, with a referral in it, is brought
// forward on Open and can then take decisions.
func TestOpenMigratesVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	v1 := migrations()[0]
	if v1.version != 1 {
		t.Fatalf("first migration is %s", v1.name)
	}
	rawExec(t, "_pragma=journal_mode(WAL)", path, v1.sql,
		"PRAGMA application_id = "+strconv.Itoa(applicationID),
		"PRAGMA user_version = 1",
		`INSERT INTO people (id, given_name, family_name) VALUES (1, 'Bo', 'Old')`,
		`INSERT INTO referrals (id, person_id, source, rosh, received_at, entered_at, status)
			VALUES (1, 1, 'probation', 'high', '2026-11-23T10:00:00Z', '2026-11-23T10:05:00Z', 'received')`)

	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != len(migrations()) || version < 2 {
		t.Fatalf("user_version = %d (%v), want %d", version, err, len(migrations()))
	}
	for _, table := range []string{"screenings", "consultations", "withdrawals", "cases"} {
		if n := count(t, s, table); n != 0 {
			t.Errorf("%s has %d rows", table, n)
		}
	}
	if _, err := s.ScreenReferral(ctx, "os:bob", t0, 1, domain.ScreenedIn, "Old referral, agreed."); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, s)
}

// Decisions are kept as made, like the audit; a status changed behind the store's back
// is found by Verify.
func TestDecisionsAreKept(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	jo := mustClinician(t, s, "Dr Jo Lead", true)
	id := screenedIn(t, s)
	if _, _, err := s.RecordConsultation(ctx, "os:bob", t0, meeting(id, domain.ConsultDeferred, 0)); err != nil {
		t.Fatal(err)
	}
	gone := mustAdd(t, s, eligibleReferral(t))
	if err := s.WithdrawReferral(ctx, "os:bob", t0, gone, "Moved."); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"UPDATE screenings SET outcome = 'out'", "DELETE FROM screenings",
		"UPDATE consultations SET rationale = 'x'", "DELETE FROM consultations",
		"UPDATE withdrawals SET reason = 'x'", "DELETE FROM withdrawals",
	} {
		if _, err := s.db.Exec(q); err == nil || !strings.Contains(err.Error(), "cannot be") {
			t.Errorf("%s: %v, want refused", q, err)
		}
	}
	if _, _, err := s.RecordConsultation(ctx, "os:bob", t0, meeting(id, domain.ConsultAccepted, jo)); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, s)

	// Each tamper is undone before the next, so each check is seen on its own.
	idText, goneText := strconv.FormatInt(id, 10), strconv.FormatInt(gone, 10)
	for _, tt := range []struct{ tamper, undo, problem string }{
		{"UPDATE referrals SET screened_at = '2026-01-01T00:00:00Z' WHERE id = " + idText,
			"UPDATE referrals SET screened_at = '" + formatTime(t0) + "' WHERE id = " + idText,
			"does not match its screening decision"},
		{"UPDATE referrals SET status = 'screened-in' WHERE id = " + idText,
			"UPDATE referrals SET status = 'accepted' WHERE id = " + idText,
			"has a consultation but its status"},
		{"UPDATE referrals SET status = 'received' WHERE id = " + goneText,
			"UPDATE referrals SET status = 'withdrawn' WHERE id = " + goneText,
			"has a withdrawal but its status is not withdrawn"},
		{"UPDATE referrals SET status = 'not-accepted' WHERE id = " + idText,
			"UPDATE referrals SET status = 'accepted' WHERE id = " + idText,
			"its case is not for an accepted referral"},
	} {
		if _, err := s.db.Exec(tt.tamper); err != nil {
			t.Fatal(err)
		}
		mustFind(t, s, tt.problem)
		if _, err := s.db.Exec(tt.undo); err != nil {
			t.Fatal(err)
		}
		mustVerify(t, s)
	}
}
