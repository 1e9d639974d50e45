package store

import (
	"context"
	"strings"
	"testing"
	"time"
)

// The audit log reads a page at a time, newest first, narrowed by person (name words
// or NHS number), by clinician (in the app or under their bound OS account) and by
// time; paging on with Before meets every entry once.
func TestAuditLogFilters(t *testing.T) {
	ctx := context.Background()
	s, clinician, referral, caseID, note := readingCase(t)
	other := openCase(t, s, clinician, 2) // Łukasz: his entries never show for Siobhán
	day2 := t0.Add(24 * time.Hour)
	for _, v := range []struct {
		actor  string
		at     time.Time
		entity string
		id     int64
	}{
		{"clinician:1", day2, "referral", referral},
		{"os:tom", day2, "case", caseID},
		{"os:another", day2, "note", note}, // someone else, at a command
		{"clinician:1", day2, "case", other},
	} {
		if err := s.RecordViewed(ctx, v.actor, v.at, v.entity, v.id); err != nil {
			t.Fatal(err)
		}
	}
	total := count(t, s, "audit")
	type want struct {
		n     int    // entries
		first string // the newest's action
	}
	for _, tt := range []struct {
		name string
		f    AuditFilter
		want want
	}{
		{"everything", AuditFilter{Limit: 1000}, want{total, "case.viewed"}},
		{"one page", AuditFilter{Limit: 3}, want{3, "case.viewed"}},
		{"by name, without the accent", AuditFilter{Person: "siobhan", Limit: 1000}, want{-1, "note.viewed"}},
		{"by NHS number", AuditFilter{Person: string(testNHS(501)), Limit: 1000}, want{-1, "note.viewed"}},
		{"no such person", AuditFilter{Person: "Nobody Atall"}, want{0, ""}},
		{"by clinician, app and OS account", AuditFilter{ClinicianID: clinician, From: day2}, want{3, "case.viewed"}},
		{"by day", AuditFilter{From: day2, To: day2.Add(time.Hour)}, want{4, "case.viewed"}},
		{"a day with nothing", AuditFilter{From: t0.Add(-48 * time.Hour), To: t0.Add(-24 * time.Hour)}, want{0, ""}},
		{"person and clinician", AuditFilter{Person: "Siobhán", ClinicianID: clinician, From: day2}, want{2, "case.viewed"}},
	} {
		got, err := s.AuditLog(ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if tt.want.n >= 0 && len(got) != tt.want.n {
			t.Errorf("%s: %d entries, want %d", tt.name, len(got), tt.want.n)
		}
		if len(got) > 0 && got[0].Action != tt.want.first {
			t.Errorf("%s: newest is %s, want %s", tt.name, got[0].Action, tt.want.first)
		}
		for i, e := range got {
			if i > 0 && e.ID >= got[i-1].ID {
				t.Errorf("%s: not newest first at %d", tt.name, i)
			}
			if tt.f.Person != "" && !strings.HasPrefix(e.Person, "Siobhán ") {
				t.Errorf("%s: entry %d (%s %s %d) is about %q", tt.name, e.ID, e.Action, e.Entity, e.EntityID, e.Person)
			}
		}
	}
	// The entries about Siobhán: her referral's, her case's and her note's, not Łukasz's.
	mine, _ := s.AuditLog(ctx, AuditFilter{Person: "siobhan"})
	seen := map[string]bool{}
	for _, e := range mine {
		seen[e.Entity] = true
		if e.Entity == "case" && e.EntityID == other {
			t.Errorf("Łukasz's case in Siobhán's log: %+v", e)
		}
	}
	if !seen["referral"] || !seen["case"] || !seen["note"] {
		t.Errorf("Siobhán's log covers %v; want her referral, case and note", seen)
	}
	// By name: the clinician's name for clinician:1 and for the OS account bound to him.
	by, _ := s.AuditLog(ctx, AuditFilter{ClinicianID: clinician, From: day2})
	for _, e := range by {
		if e.Actor != "os:tom" && e.By != "Dr Tom Halliwell" {
			t.Errorf("entry by %s named %q", e.Actor, e.By)
		}
	}
	// Paging on from the last entry of each page meets every entry once.
	ids := map[int64]bool{}
	for before := int64(0); ; {
		page, err := s.AuditLog(ctx, AuditFilter{Before: before, Limit: 4})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, e := range page {
			if ids[e.ID] {
				t.Fatalf("entry %d on two pages", e.ID)
			}
			ids[e.ID] = true
		}
		before = page[len(page)-1].ID
	}
	if len(ids) != total {
		t.Errorf("paging met %d entries of %d", len(ids), total)
	}
}
