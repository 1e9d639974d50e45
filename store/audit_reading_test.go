package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
)

// readingCase is a store with one clinician (bound to OS account "tom") and one open
// case with a signed note, for the tests of reading.
func readingCase(t *testing.T) (s *Store, clinician, referral, caseID, note int64) {
	t.Helper()
	ctx := context.Background()
	s = newStore(t)
	clinician, err := s.AddClinician(ctx, "os:root", t0, domain.Clinician{Name: "Dr Tom Halliwell", OSUser: "tom", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	caseID = openCase(t, s, clinician, 1) // Siobhán
	if err := s.db.QueryRowContext(ctx, "SELECT referral_id FROM cases WHERE id = ?", caseID).Scan(&referral); err != nil {
		t.Fatal(err)
	}
	note = signedNote(t, s, clinician, caseID, "Talked about the move").ID
	return s, clinician, referral, caseID, note
}

// Each read is one entry of its own, changing no row, so it carries no seals; views do
// not count as a referral's change (the queue's mark, LastChange), and the file still
// verifies (docs/RULES.md, "What is audited").
func TestRecordViewed(t *testing.T) {
	ctx := context.Background()
	s, _, referral, caseID, note := readingCase(t)
	mark, err := s.ReferralsMark(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.LastChange(ctx, "referral", referral)
	at := t0.Add(time.Hour)
	for _, v := range []struct {
		entity string
		id     int64
	}{{"referral", referral}, {"case", caseID}, {"note", note}} {
		rows := map[string]int{}
		for _, tbl := range []string{"referrals", "cases", "notes"} {
			rows[tbl] = count(t, s, tbl)
		}
		if err := s.RecordViewed(ctx, "clinician:1", at, v.entity, v.id); err != nil {
			t.Fatalf("%s: %v", v.entity, err)
		}
		detail := lastDetail(t, s, v.entity, v.id, v.entity+".viewed")
		if len(detail) != 0 {
			t.Errorf("%s.viewed carries %v; want no detail and no seals", v.entity, detail)
		}
		for tbl, n := range rows {
			if count(t, s, tbl) != n {
				t.Errorf("viewing a %s changed %s", v.entity, tbl)
			}
		}
	}
	if m, _ := s.ReferralsMark(ctx); m != mark {
		t.Errorf("a view moved the referrals' mark from %d to %d", mark, m)
	}
	if after, _ := s.LastChange(ctx, "referral", referral); after != before {
		t.Errorf("last change after a view is %+v, want %+v", after, before)
	}
	for _, bad := range []struct {
		actor, entity string
		id            int64
		want          string
	}{
		{"clinician:1", "clinician", 1, "only a referral, a case or a note is"},
		{"clinician:1", "case", 0, "only a referral, a case or a note is"},
		{"", "case", caseID, `actor "" cannot go in the audit`},
	} {
		audits := count(t, s, "audit")
		wantErr(t, bad.entity, s.RecordViewed(ctx, bad.actor, at, bad.entity, bad.id), bad.want, ErrInvalid)
		if count(t, s, "audit") != audits {
			t.Errorf("%s %d: refused but written", bad.entity, bad.id)
		}
	}
	mustVerify(t, s)
}

// A search keeps its words and its count; a result opened names the search and the
// record; a session's start and end keep who, which key, from where, what size, why.
func TestRecordSearchAndSession(t *testing.T) {
	ctx := context.Background()
	s, clinician, _, caseID, note := readingCase(t)
	at := t0.Add(time.Hour)
	search, err := s.RecordSearch(ctx, "clinician:1", at, "  hostel  move ", 3)
	if err != nil || search == 0 {
		t.Fatalf("RecordSearch: %d, %v", search, err)
	}
	es, _ := s.AuditLog(ctx, AuditFilter{Limit: 1})
	if len(es) != 1 || es[0].ID != search || es[0].Action != ActionSearchRun || es[0].Detail != `{"query":"hostel  move","results":3}` {
		t.Fatalf("search entry %+v", es)
	}
	if err := s.RecordSearchOpened(ctx, "clinician:1", at, search, "note", note, 0); err != nil {
		t.Fatal(err)
	}
	if d := lastDetail(t, s, "note", note, ActionSearchOpened); !reflect.DeepEqual(d, map[string]any{"search": float64(search)}) {
		t.Errorf("search.opened detail %v", d)
	}
	if err := s.RecordSearchOpened(ctx, "clinician:1", at, search, "addendum", 7, note); err != nil {
		t.Fatal(err)
	}
	if d := lastDetail(t, s, "note", note, ActionSearchOpened); !reflect.DeepEqual(d, map[string]any{"search": float64(search), "addendum_id": float64(7)}) {
		t.Errorf("search.opened detail of an addendum %v", d)
	}
	wantErr(t, "opened from no search", s.RecordSearchOpened(ctx, "clinician:1", at, note, "note", note, 0), "is not a search", ErrInvalid)
	wantErr(t, "a case as a result", s.RecordSearchOpened(ctx, "clinician:1", at, search, "case", caseID, 0), "cannot be audited", ErrInvalid)
	_, err = s.RecordSearch(ctx, "clinician:1", at, "   ", 0)
	wantErr(t, "no words", err, "cannot be audited", ErrInvalid)
	long, err := s.RecordSearch(ctx, "clinician:1", at, strings.Repeat("é", 600), 0)
	if err != nil {
		t.Fatal(err)
	}
	if es, _ := s.AuditLog(ctx, AuditFilter{Limit: 1}); es[0].ID != long || !strings.Contains(es[0].Detail, strings.Repeat("é", 500)+`"`) {
		t.Errorf("a long search kept as %.80s…", es[0].Detail)
	}

	d := SessionDetail{ClinicianID: clinician, Fingerprint: "SHA256:abc", Address: "192.0.2.7:50122", Width: 120, Height: 40}
	if err := s.RecordSession(ctx, "clinician:1", at, ActionSessionStarted, d); err != nil {
		t.Fatal(err)
	}
	d.Reason = "closed the terminal"
	if err := s.RecordSession(ctx, "clinician:1", at, ActionSessionEnded, d); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"clinician_id": float64(clinician), "fingerprint": "SHA256:abc", "address": "192.0.2.7:50122",
		"width": float64(120), "height": float64(40), "reason": "closed the terminal"}
	if got := lastDetail(t, s, "clinician", clinician, ActionSessionEnded); !reflect.DeepEqual(got, want) {
		t.Errorf("session.ended detail %v, want %v", got, want)
	}
	wantErr(t, "a session's middle", s.RecordSession(ctx, "clinician:1", at, "session.paused", d), "is not a session's start or end", ErrInvalid)
	d.ClinicianID = 0
	wantErr(t, "no one's session", s.RecordSession(ctx, "clinician:1", at, ActionSessionStarted, d), "without its clinician", ErrInvalid)
	mustVerify(t, s)
}
