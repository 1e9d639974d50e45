package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

func TestAddReferralsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	batch := []domain.Referral{
		person("Ada", "Lovelace", testNHS(1)),
		person("Alan", "Turing", testNHS(2)),
		person("Grace", "Hopper", testNHS(1)), // Ada's number under another name
		person("Edsger", "Dijkstra", testNHS(3)),
	}
	auditBefore := count(t, s, "audit")
	ids, err := s.AddReferrals(ctx, "import", t0, batch)
	var re *ReferralError
	if !errors.As(err, &re) || re.Index != 2 || re.Field != "nhs_number" || !errors.Is(err, ErrConflict) {
		t.Fatalf("err = %#v, want *ReferralError{Index: 2, Field: nhs_number} wrapping ErrConflict", err)
	}
	want := "referral 3: NHS number " + testNHS(1).String() + " is already held for another person (person 1): check the number"
	if err.Error() != want {
		t.Errorf("message %q\n     want %q", err, want)
	}
	if ids != nil {
		t.Errorf("ids = %v, want none", ids)
	}
	for table, want := range map[string]int{"referrals": 0, "people": 0, "audit": auditBefore} {
		if n := count(t, s, table); n != want {
			t.Errorf("%s has %d rows after the failed batch, want %d", table, n, want)
		}
	}
}

func TestNHSNumberMatchesPeople(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	first, err := s.AddReferral(ctx, "os:alice", t0, person("Ada", "Lovelace", testNHS(1)))
	if err != nil {
		t.Fatal(err)
	}
	// Same number, same name in another case: the same person.
	second, err := s.AddReferral(ctx, "os:alice", t0, person(" ADA", "lovelace ", testNHS(1)))
	if err != nil {
		t.Fatal(err)
	}
	// No NHS number: always a new person, even with the same name.
	third, err := s.AddReferral(ctx, "os:alice", t0, person("Ada", "Lovelace", ""))
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]int64{}
	for _, id := range []int64{first, second, third} {
		r, err := s.Referral(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		got[id] = r.Person.ID
	}
	if got[first] != got[second] || got[third] == got[first] {
		t.Errorf("person ids %v: want the first two shared and the third new", got)
	}
	// A conflict from a single add names no index.
	_, err = s.AddReferral(ctx, "os:alice", t0, person("Grace", "Hopper", testNHS(1)))
	var re *ReferralError
	if !errors.As(err, &re) || re.Field != "nhs_number" || strings.HasPrefix(err.Error(), "referral ") {
		t.Errorf("conflict = %v", err)
	}
	var fictional int
	if err := s.db.QueryRow("SELECT is_fictional FROM people WHERE id = ?", got[first]).Scan(&fictional); err != nil || fictional != 1 {
		t.Errorf("is_fictional = %d (%v), want 1 for a test-range NHS number", fictional, err)
	}
	es, err := s.AuditEntries(ctx, "referral", second)
	if err != nil || len(es) != 1 {
		t.Fatalf("audit of referral %d: %v, %v", second, es, err)
	}
	var detail map[string]any
	if err := json.Unmarshal([]byte(es[0].Detail), &detail); err != nil {
		t.Fatal(err)
	}
	if detail["new_person"] != false || detail["referral_id"] != float64(second) || detail["source"] != "self" {
		t.Errorf("detail = %s", es[0].Detail)
	}
	if e := es[0]; e.Actor != "os:alice" || e.Action != "referral.added" || !e.At.Equal(t0) || len(e.Hash) != 64 {
		t.Errorf("entry = %+v", e)
	}
}

func TestAddReferralRefusesBadValues(t *testing.T) {
	tests := []struct {
		field string
		edit  func(r *domain.Referral)
	}{
		{"received_at", func(r *domain.Referral) { r.ReceivedAt = time.Time{} }},
		{"source", func(r *domain.Referral) { r.Source = "police" }},
		{"source", func(r *domain.Referral) { r.Source = "" }},
		{"given_name", func(r *domain.Referral) { r.Person.GivenName = "  " }},
		{"family_name", func(r *domain.Referral) { r.Person.FamilyName = "" }},
		{"date_of_birth", func(r *domain.Referral) { r.Person.DateOfBirth = ident.Date{Year: 1990, Month: 2, Day: 30} }},
		{"nhs_number", func(r *domain.Referral) { r.Person.NHSNumber = "999 000 0018" }},
		{"nhs_number", func(r *domain.Referral) { r.Person.NHSNumber = "9990000019" }},
		{"prison_number", func(r *domain.Referral) { r.Person.PrisonNumber = "a1234bc" }},
		{"crn", func(r *domain.Referral) { r.Person.CRN = "123" }},
		{"expected_release_date", func(r *domain.Referral) { r.ExpectedRelease = ident.Date{Year: 2027, Month: 13, Day: 1} }},
		{"release_date_type", func(r *domain.Referral) { r.ReleaseDateType = "crd" }},
		{"rosh", func(r *domain.Referral) { r.RoSH = "very high" }},
		{"priority_group", func(r *domain.Referral) { r.PriorityGroup = 4 }},
		{"complex_health_needs", func(r *domain.Referral) { r.ComplexHealthNeeds = "maybe" }},
		{"approved_premises", func(r *domain.Referral) { r.ApprovedPremises = "Y" }},
		{"status", func(r *domain.Referral) { r.Status = "lost" }},
		{"screened_at", func(r *domain.Referral) { r.ScreenedAt = time.Date(12026, 1, 1, 0, 0, 0, 0, time.UTC) }},
	}
	s := newStore(t)
	for _, tt := range tests {
		r := fullReferral(t)
		tt.edit(&r)
		_, err := s.AddReferral(context.Background(), "os:alice", t0, r)
		var re *ReferralError
		if !errors.As(err, &re) || re.Field != tt.field || !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want a *ReferralError for it", tt.field, err)
		}
	}
	if n := count(t, s, "referrals"); n != 0 {
		t.Errorf("%d referrals saved", n)
	}
}

// The CHECK constraints hold every code the domain knows, and nothing else: the lists
// live in two places (0001_init.sql and internal/domain), so this catches drift.
func TestSchemaHoldsEveryDomainCode(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	var rs []domain.Referral
	for i, st := range domain.Statuses {
		r := minimalReferral()
		r.Status = st
		r.Source = domain.Sources[i%len(domain.Sources)]
		rs = append(rs, r)
	}
	for _, src := range domain.Sources {
		r := minimalReferral()
		r.Source = src
		rs = append(rs, r)
	}
	for i, l := range domain.RoSHLevels {
		r := minimalReferral()
		r.RoSH, r.PriorityGroup = l, i%3+1
		rs = append(rs, r)
	}
	for _, k := range domain.ReleaseDateTypes {
		r := minimalReferral()
		r.ReleaseDateType, r.ComplexHealthNeeds, r.ApprovedPremises = k, domain.Yes, domain.No
		rs = append(rs, r)
	}
	ids, err := s.AddReferrals(ctx, "test", t0, rs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Referrals(ctx)
	if err != nil || len(got) != len(rs) {
		t.Fatalf("read %d, %v", len(got), err)
	}
	for i, r := range got {
		w := rs[i]
		if r.ID != ids[i] || r.Status != w.Status && w.Status != "" || r.Source != w.Source || r.RoSH != w.RoSH ||
			r.ReleaseDateType != w.ReleaseDateType || r.PriorityGroup != w.PriorityGroup {
			t.Errorf("referral %d read back as %+v", i, r)
		}
	}
	// And the schema itself refuses an unknown code, whatever the Go checks do.
	_, err = s.db.Exec("UPDATE referrals SET status = 'lost' WHERE id = ?", ids[0])
	if sqliteCode(err) != 275 { // SQLITE_CONSTRAINT_CHECK
		t.Errorf("unknown status: %v, want a CHECK failure", err)
	}
}

func TestReferralNotFound(t *testing.T) {
	s := newStore(t)
	_, err := s.Referral(context.Background(), 42)
	if !errors.Is(err, ErrNotFound) || err.Error() != "referral 42 does not exist" {
		t.Errorf("err = %v", err)
	}
}

func TestClinicians(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	// No access given: the role "lead" makes a lead, as migration 0016 did.
	want := []domain.Clinician{
		{Name: "Dr Jo Lead", Role: "lead", Registration: "PYL01234", OSUser: "jo", Active: true},
		{Name: "Kim Assistant", Role: "assistant psychologist", Active: false},
	}
	access := []domain.Access{domain.AccessLead, domain.AccessClinician}
	for i := range want {
		id, err := s.AddClinician(ctx, "os:root", t0, want[i])
		if err != nil {
			t.Fatal(err)
		}
		want[i].ID, want[i].Access = id, access[i]
	}
	got, err := s.Clinicians(ctx)
	if err != nil || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("Clinicians = %+v, %v", got, err)
	}
	_, err = s.AddClinician(ctx, "os:root", t0, domain.Clinician{Name: "Other", OSUser: "jo"})
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "OS account jo") {
		t.Errorf("second binding of jo: %v", err)
	}
	if es, _ := s.AuditEntries(ctx, "clinician", want[0].ID); len(es) != 1 || es[0].Action != "clinician.added" {
		t.Errorf("audit = %+v", es)
	}
}

func TestActorIsRequired(t *testing.T) {
	s := newStore(t)
	for _, actor := range []string{"", "  ", "os:al\x1b[2Jice"} {
		if _, err := s.AddReferral(context.Background(), actor, t0, minimalReferral()); !errors.Is(err, ErrInvalid) {
			t.Errorf("actor %q: %v", actor, err)
		}
	}
}
