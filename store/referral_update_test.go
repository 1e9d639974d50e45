package store

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

func TestUpdateReferralRecordsEachChange(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	id := mustAdd(t, s, eligibleReferral(t))
	r, err := s.Referral(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	oldNHS := r.Person.NHSNumber
	r.Person.FamilyName = "Testperson-Smith"
	r.Person.NHSNumber = testNHS(7)
	r.Referrer.Email = ""
	r.ExpectedRelease = ident.MustDate(2027, time.February, 28)
	r.PriorityGroup = domain.NoPriorityGroup
	r.ReceivedAt = r.ReceivedAt.Add(-time.Hour)
	r.Person.ID = 0 // a form that only knows the referral
	at := t0.Add(time.Hour)
	if err := s.UpdateReferral(ctx, "os:bob", at, current(t, s, r), r); err != nil {
		t.Fatal(err)
	}
	got, err := s.Referral(ctx, id)
	r.Person.ID = got.Person.ID
	if err != nil || !reflect.DeepEqual(got, r) {
		t.Fatalf("read back\n got %+v\nwant %+v (%v)", got, r, err)
	}
	es, err := s.AuditEntries(ctx, "referral", id)
	if err != nil || len(es) != 2 || es[1].Action != "referral.corrected" || es[1].Actor != "os:bob" || !es[1].At.Equal(at) {
		t.Fatalf("audit = %+v, %v", es, err)
	}
	var detail struct {
		ReferralID int64 `json:"referral_id"`
		PersonID   int64 `json:"person_id"`
		Changes    []map[string]*string
	}
	if err := json.Unmarshal([]byte(es[1].Detail), &detail); err != nil {
		t.Fatal(err)
	}
	str := func(s string) *string { return &s }
	want := []map[string]*string{
		{"field": str("received_at"), "old": str("2026-11-22T14:05:09Z"), "new": str("2026-11-22T13:05:09Z")},
		{"field": str("referrer_email"), "old": str("sam@example.gov.uk"), "new": nil},
		{"field": str("family_name"), "old": str("Testperson"), "new": str("Testperson-Smith")},
		{"field": str("nhs_number"), "old": str(string(oldNHS)), "new": str(string(testNHS(7)))},
		{"field": str("expected_release_date"), "old": str("2027-01-06"), "new": str("2027-02-28")},
		{"field": str("priority_group"), "old": str("2"), "new": str("-1")},
	}
	if detail.ReferralID != id || detail.PersonID != got.Person.ID || !reflect.DeepEqual(detail.Changes, want) {
		t.Errorf("detail = %s", es[1].Detail)
	}
	mustVerify(t, s)
}

func TestUpdateReferralWithoutChangeWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	id := screenedIn(t, s)
	r, _ := s.Referral(ctx, id)
	before := state(t, s, id)
	// Times compare to the second, as they are stored.
	r.ReceivedAt = r.ReceivedAt.Add(300 * time.Millisecond).In(time.FixedZone("BST", 3600))
	if err := s.UpdateReferral(ctx, "os:bob", t0, current(t, s, r), r); err != nil {
		t.Fatal(err)
	}
	if after := state(t, s, id); after != before {
		t.Errorf("a correction without change wrote: %+v -> %+v", before, after)
	}
}

func TestUpdateReferralRefuses(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	other := mustAdd(t, s, person("Alan", "Turing", testNHS(2)))
	id := screenedIn(t, s)
	otherPerson, _ := s.Referral(ctx, other)
	tests := []struct {
		field string
		kind  error
		says  string
		edit  func(r *domain.Referral)
	}{
		{"status", ErrInvalid, "is screened in, not received", func(r *domain.Referral) { r.Status = domain.StatusReceived }},
		{"status", ErrInvalid, "is screened in, not accepted", func(r *domain.Referral) { r.Status = domain.StatusAccepted }},
		{"entered_at", ErrInvalid, "cannot change", func(r *domain.Referral) { r.EnteredAt = r.EnteredAt.Add(time.Minute) }},
		{"screened_at", ErrInvalid, "cannot change", func(r *domain.Referral) { r.ScreenedAt = time.Time{} }},
		{"person", ErrInvalid, "another person", func(r *domain.Referral) { r.Person.ID = otherPerson.Person.ID }},
		{"nhs_number", ErrConflict, "already held for another person", func(r *domain.Referral) { r.Person.NHSNumber = testNHS(2) }},
		{"nhs_number", ErrInvalid, "not in canonical form", func(r *domain.Referral) { r.Person.NHSNumber = "999 000 0018" }},
		{"given_name", ErrInvalid, "missing", func(r *domain.Referral) { r.Person.GivenName = " " }},
		{"rosh", ErrInvalid, "not one of", func(r *domain.Referral) { r.RoSH = "severe" }},
	}
	before := state(t, s, id)
	for _, tt := range tests {
		r, _ := s.Referral(ctx, id)
		r.RoSH = domain.RoSHVeryHigh // a real change beside the refused one
		tt.edit(&r)
		err := s.UpdateReferral(ctx, "os:bob", t0, current(t, s, r), r)
		var re *ReferralError
		if !errors.As(err, &re) || re.Field != tt.field || !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.says) ||
			strings.HasPrefix(err.Error(), "referral 1:") {
			t.Errorf("%s: %v, want %v on %s saying %q", tt.field, err, tt.kind, tt.field, tt.says)
		}
		if after := state(t, s, id); after != before {
			t.Errorf("%s: a refused correction wrote: %+v -> %+v", tt.field, before, after)
		}
	}
	if r, _ := s.Referral(ctx, id); r.RoSH != domain.RoSHHigh {
		t.Errorf("rosh changed to %s", r.RoSH)
	}
	missing := eligibleReferral(t)
	missing.ID = 999
	if err := s.UpdateReferral(ctx, "os:bob", t0, current(t, s, missing), missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing referral: %v", err)
	}
}

// Keeping one's own NHS number, or dropping it, is no conflict; and is_fictional
// follows the number, as when the person was added.
func TestUpdateReferralNHSNumber(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	id := mustAdd(t, s, person("Ada", "Lovelace", testNHS(1)))
	r, _ := s.Referral(ctx, id)
	r.Person.GivenName = "Augusta Ada"
	if err := s.UpdateReferral(ctx, "os:bob", t0, current(t, s, r), r); err != nil {
		t.Fatalf("same number: %v", err)
	}
	r.Person.NHSNumber = ""
	if err := s.UpdateReferral(ctx, "os:bob", t0, current(t, s, r), r); err != nil {
		t.Fatalf("number removed: %v", err)
	}
	var fictional int
	if err := s.db.QueryRow("SELECT is_fictional FROM people WHERE id = ?", r.Person.ID).Scan(&fictional); err != nil || fictional != 0 {
		t.Errorf("is_fictional = %d (%v) without a test-range number", fictional, err)
	}
	if es, _ := s.AuditEntries(ctx, "referral", id); len(es) != 3 {
		t.Errorf("%d audit entries, want added and two corrections", len(es))
	}
}

// current is the referral as stored now, the baseline a correction is made against.
func current(t *testing.T, s *Store, r domain.Referral) domain.Referral {
	t.Helper()
	got, err := s.Referral(context.Background(), r.ID)
	if err != nil {
		return r // a missing referral: the update itself reports it
	}
	return got
}

func TestUpdateReferralRefusesALostUpdate(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	id, err := s.AddReferral(ctx, "os:alice", t0, fullReferral(t))
	if err != nil {
		t.Fatal(err)
	}
	opened, _ := s.Referral(ctx, id) // both clinicians open the form
	first := opened
	first.ResettlementArea = "Blackpool"
	if err := s.UpdateReferral(ctx, "os:alice", t0, opened, first); err != nil {
		t.Fatal(err)
	}
	second := opened
	second.RoSH = domain.RoSHVeryHigh
	err = s.UpdateReferral(ctx, "os:bob", t0, opened, second)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "resettlement_area changed") {
		t.Fatalf("second correction on stale facts: %v", err)
	}
	got, _ := s.Referral(ctx, id)
	if got.ResettlementArea != "Blackpool" || got.RoSH != opened.RoSH {
		t.Fatalf("stored %q %q: the first correction was lost or the second written", got.ResettlementArea, got.RoSH)
	}
}
