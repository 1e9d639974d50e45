package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
)

// Each verify and backup is an audit entry of the database, and the latest of each, and
// the latest good one, are read back from them (docs/RULES.md, "Backup and verify on
// Today").
func TestRecordSafetyCheck(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if got, err := s.SafetyChecks(ctx); err != nil || got != (domain.SafetyChecks{}) {
		t.Fatalf("a new database's checks: %+v, %v; want none", got, err)
	}
	h := time.Hour
	record := func(ago time.Duration, c domain.SafetyCheck) domain.SafetyCheck {
		t.Helper()
		if err := s.RecordSafetyCheck(ctx, "os:root", t0.Add(-ago), c); err != nil {
			t.Fatal(err)
		}
		c.At = t0.Add(-ago)
		return c
	}
	goodVerify := record(5*h, domain.SafetyCheck{Kind: domain.SafetyVerify, OK: true, Head: 1,
		Backup: "not a backup", Why: "not a failure"}) // neither is kept
	goodVerify.Backup, goodVerify.Why = "", ""
	goodBackup := record(4*h, domain.SafetyCheck{Kind: domain.SafetyBackup, OK: true, Head: 2, Backup: "caseload-20261124-050000.db.age"})
	badBackup := record(3*h, domain.SafetyCheck{Kind: domain.SafetyBackup, Problems: 1, Head: 3,
		Why: "The snapshot failed its integrity check."})
	badVerify := record(2*h, domain.SafetyCheck{Kind: domain.SafetyVerify, Problems: 2, Head: 4,
		Why: "Note 3 was changed after it was signed."})

	got, err := s.SafetyChecks(ctx)
	want := domain.SafetyChecks{LastVerify: badVerify, LastGoodVerify: goodVerify, LastBackup: badBackup, LastGoodBackup: goodBackup}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("SafetyChecks:\n  %+v, %v\nwant\n  %+v", got, err, want)
	}
	if d, w := lastDetail(t, s, "database", 0, "database.verified"),
		map[string]any{"ok": false, "problems": 2.0, "head": 4.0, "why": "Note 3 was changed after it was signed."}; !reflect.DeepEqual(d, w) {
		t.Errorf("verify's detail %v, want %v", d, w)
	}
	record(h, domain.SafetyCheck{Kind: domain.SafetyBackup, OK: true, Head: 5, Backup: "caseload-20261124-080000.db.age"})
	if d, w := lastDetail(t, s, "database", 0, "database.backed_up"),
		map[string]any{"ok": true, "problems": 0.0, "head": 5.0, "backup": "caseload-20261124-080000.db.age"}; !reflect.DeepEqual(d, w) {
		t.Errorf("backup's detail %v, want %v", d, w)
	}
	if got, err = s.SafetyChecks(ctx); err != nil || got.LastBackup != got.LastGoodBackup || got.LastBackup.Head != 5 {
		t.Errorf("after a good backup: %+v, %v", got, err)
	}
	mustVerify(t, s)
}

// A check that cannot be what it says is refused with one sentence, and nothing is written.
func TestRecordSafetyCheckRefuses(t *testing.T) {
	s := newStore(t)
	ok := domain.SafetyCheck{Kind: domain.SafetyVerify, OK: true}
	tests := []struct {
		name  string
		actor string
		at    time.Time
		c     domain.SafetyCheck
		want  string
	}{
		{"no actor", "", t0, ok, "say who made the change"},
		{"no time", "os:root", time.Time{}, ok, "the time of the check is missing"},
		{"a kind not kept", "os:root", t0, domain.SafetyCheck{Kind: "restore", OK: true}, `"restore" is not a safety check`},
		{"ok with problems", "os:root", t0, domain.SafetyCheck{Kind: domain.SafetyBackup, OK: true, Problems: 3}, "cannot be ok"},
	}
	audits := count(t, s, "audit")
	for _, tt := range tests {
		err := s.RecordSafetyCheck(context.Background(), tt.actor, tt.at, tt.c)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want ErrInvalid saying %q", tt.name, err, tt.want)
		}
	}
	if n := count(t, s, "audit"); n != audits {
		t.Errorf("refused checks wrote %d audit entries", n-audits)
	}
}

// The checks are read from the database's own entries by their index, never by reading
// the whole audit, which grows with every change ever made.
func TestSafetyChecksUseTheIndex(t *testing.T) {
	s := newStore(t)
	for _, good := range []bool{false, true} {
		rows, err := s.db.Query("EXPLAIN QUERY PLAN "+latestCheck, actionBackedUp, good)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notUsed int
			var detail string
			if err := rows.Scan(&id, &parent, &notUsed, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		text := strings.Join(plan, "; ")
		if !strings.Contains(text, "USING INDEX audit_entity") || strings.Contains(text, "SCAN") ||
			strings.Contains(text, "TEMP B-TREE") {
			t.Errorf("good %v: plan %q does not read by the audit_entity index in order", good, text)
		}
	}
}

// The agenda's facts carry the checks for a lead only; a role of "Lead" is a lead, and
// a clinician with no role, or one not on the team, is not.
func TestAgendaFactsSafetyForALeadOnly(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	add := func(name, role string) int64 {
		id, err := s.AddClinician(ctx, "os:root", t0, domain.Clinician{Name: name, Role: role, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	lead, nurse, noRole := add("Dr Jo Lead", "Lead"), add("Sam Nurse", "nurse"), add("Dr No Role", "")
	c := domain.SafetyCheck{Kind: domain.SafetyBackup, OK: true, Head: 9, Backup: "caseload-20261124-080000.db.age"}
	if err := s.RecordSafetyCheck(ctx, "os:root", t0, c); err != nil {
		t.Fatal(err)
	}
	c.At = t0
	for _, tt := range []struct {
		name string
		id   int64
		lead bool
	}{{"lead", lead, true}, {"nurse", nurse, false}, {"no role", noRole, false}, {"not on the team", 999, false}} {
		f, err := s.AgendaFacts(ctx, tt.id, t0)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		want := domain.SafetyChecks{}
		if tt.lead {
			want = domain.SafetyChecks{LastBackup: c, LastGoodBackup: c}
		}
		if f.ReaderIsLead != tt.lead || f.Safety != want {
			t.Errorf("%s: lead %v, safety %+v; want %v, %+v", tt.name, f.ReaderIsLead, f.Safety, tt.lead, want)
		}
	}
}
