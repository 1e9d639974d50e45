package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

func TestConsultAcceptedOpensCase(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	jo := mustClinician(t, s, "Dr Jo Lead", true)
	id := screenedIn(t, s)
	at := t0.Add(2 * time.Hour)
	c := meeting(id, domain.ConsultAccepted, jo)
	cid, caseID, err := s.RecordConsultation(ctx, "os:bob", at, c)
	if err != nil || cid == 0 || caseID == 0 {
		t.Fatalf("RecordConsultation = %d, %d, %v", cid, caseID, err)
	}
	r, _ := s.Referral(ctx, id)
	if r.Status != domain.StatusAccepted {
		t.Errorf("status %s", r.Status)
	}
	c.ID, c.RecordedBy, c.RecordedAt = cid, "os:bob", at
	got, err := s.Consultations(ctx, id)
	if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], c) {
		t.Fatalf("Consultations = %+v, %v\nwant %+v", got, err, c)
	}
	want := domain.Case{ID: caseID, ReferralID: id, PersonID: r.Person.ID, AllocatedClinicianID: jo, OpenedAt: at, Status: domain.CaseOpen}
	if got, ok, err := s.CaseForReferral(ctx, id); err != nil || !ok || got != want {
		t.Errorf("CaseForReferral = %+v, %v, %v; want %+v", got, ok, err, want)
	}
	if all, err := s.Cases(ctx); err != nil || len(all) != 1 || all[0] != want {
		t.Errorf("Cases = %+v, %v", all, err)
	}
	consulted := lastDetail(t, s, "referral", id, "referral.consulted")
	if consulted["consultation_id"] != float64(cid) || consulted["case_id"] != float64(caseID) || consulted["outcome"] != "accepted" ||
		consulted["from"] != "screened-in" || consulted["to"] != "accepted" || consulted["allocated_clinician_id"] != float64(jo) {
		t.Errorf("referral.consulted detail = %v", consulted)
	}
	opened := lastDetail(t, s, "case", caseID, "case.opened")
	if opened["referral_id"] != float64(id) || opened["person_id"] != float64(r.Person.ID) || opened["allocated_clinician_id"] != float64(jo) {
		t.Errorf("case.opened detail = %v", opened)
	}
	mustVerify(t, s)
}

func TestConsultNotAccepted(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	id := screenedIn(t, s)
	_, caseID, err := s.RecordConsultation(ctx, "os:bob", t0, meeting(id, domain.ConsultNotAccepted, 0))
	if err != nil || caseID != 0 {
		t.Fatalf("%d, %v", caseID, err)
	}
	if r, _ := s.Referral(ctx, id); r.Status != domain.StatusNotAccepted {
		t.Errorf("status %s", r.Status)
	}
	if _, ok, err := s.CaseForReferral(ctx, id); ok || err != nil {
		t.Errorf("a case opened: %v", err)
	}
	if d := lastDetail(t, s, "referral", id, "referral.consulted"); d["case_id"] != nil || d["to"] != "not-accepted" {
		t.Errorf("detail = %v", d)
	}
}

func TestConsultDeferredThenAccepted(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	jo := mustClinician(t, s, "Dr Jo Lead", true)
	id := screenedIn(t, s)
	first := meeting(id, domain.ConsultDeferred, 0)
	if _, caseID, err := s.RecordConsultation(ctx, "os:bob", t0, first); err != nil || caseID != 0 {
		t.Fatalf("deferred: %d, %v", caseID, err)
	}
	if r, _ := s.Referral(ctx, id); r.Status != domain.StatusConsultation {
		t.Errorf("status after deferral %s", r.Status)
	}
	later := t0.AddDate(0, 0, 14)
	second := meeting(id, domain.ConsultAccepted, jo)
	second.MeetingDate = first.NextMeetingDate
	if _, caseID, err := s.RecordConsultation(ctx, "os:bob", later, second); err != nil || caseID == 0 {
		t.Fatalf("accepted: %d, %v", caseID, err)
	}
	cs, err := s.Consultations(ctx, id)
	if err != nil || len(cs) != 2 || cs[0].Outcome != domain.ConsultDeferred || cs[1].Outcome != domain.ConsultAccepted ||
		cs[0].NextMeetingDate != first.NextMeetingDate || !cs[1].NextMeetingDate.IsZero() {
		t.Fatalf("Consultations = %+v, %v", cs, err)
	}
	if r, _ := s.Referral(ctx, id); r.Status != domain.StatusAccepted {
		t.Errorf("status %s", r.Status)
	}
	mustVerify(t, s)
}

func TestConsultRefused(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	jo := mustClinician(t, s, "Dr Jo Lead", true)
	gone := mustClinician(t, s, "Kim Left", false)
	received := mustAdd(t, s, eligibleReferral(t))
	id := screenedIn(t, s)
	withNext := meeting(id, domain.ConsultAccepted, jo)
	withNext.NextMeetingDate = ident.MustDate(2026, time.December, 1)
	future := meeting(id, domain.ConsultNotAccepted, 0)
	future.MeetingDate = ident.MustDate(2026, time.November, 25)
	noRationale := meeting(id, domain.ConsultNotAccepted, 0)
	noRationale.Rationale = " "
	tests := []struct {
		name string
		c    domain.Consultation
		kind error
		says string
	}{
		{"unscreened referral", meeting(received, domain.ConsultAccepted, jo), domain.ErrTransition, "a referral that is received cannot become accepted"},
		{"inactive clinician", meeting(id, domain.ConsultAccepted, gone), ErrInvalid, fmt.Sprintf("clinician %d is not an active clinician", gone)},
		{"missing clinician", meeting(id, domain.ConsultAccepted, 99), ErrInvalid, "clinician 99 is not an active clinician"},
		{"no clinician", meeting(id, domain.ConsultAccepted, 0), ErrInvalid, "name the clinician"},
		{"next meeting on a decision", withNext, ErrInvalid, "only for a deferred decision"},
		{"meeting tomorrow", future, ErrInvalid, "is in the future"},
		{"no rationale", noRationale, ErrInvalid, "rationale"},
		{"missing referral", meeting(999, domain.ConsultAccepted, jo), ErrNotFound, "referral 999 does not exist"},
	}
	for _, tt := range tests {
		before := [2]written{state(t, s, received), state(t, s, id)}
		_, _, err := s.RecordConsultation(ctx, "os:bob", t0, tt.c)
		if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: %v, want %v saying %q", tt.name, err, tt.kind, tt.says)
		}
		if after := [2]written{state(t, s, received), state(t, s, id)}; after != before {
			t.Errorf("%s: wrote %+v -> %+v", tt.name, before, after)
		}
	}
}

// "Today" is the London date: at 23:30 UTC on 30 June it is already 1 July in London,
// so a meeting held on 1 July can be recorded.
func TestConsultTodayIsLondonDate(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r := eligibleReferral(t)
	r.ReceivedAt = time.Date(2026, 6, 29, 9, 0, 0, 0, time.UTC)
	id := mustAdd(t, s, r)
	if _, err := s.ScreenReferral(ctx, "os:bob", r.ReceivedAt, id, domain.ScreenedIn, "Early, agreed."); err != nil {
		t.Fatal(err)
	}
	c := meeting(id, domain.ConsultNotAccepted, 0)
	c.MeetingDate = ident.MustDate(2026, time.July, 1)
	if _, _, err := s.RecordConsultation(ctx, "os:bob", time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC), c); err != nil {
		t.Errorf("meeting on the London date: %v", err)
	}
}

func TestWithdrawReferral(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	jo := mustClinician(t, s, "Dr Jo Lead", true)
	received := mustAdd(t, s, eligibleReferral(t))
	in := screenedIn(t, s)
	deferred := screenedIn(t, s)
	if _, _, err := s.RecordConsultation(ctx, "os:bob", t0, meeting(deferred, domain.ConsultDeferred, 0)); err != nil {
		t.Fatal(err)
	}
	at := t0.Add(time.Hour)
	for _, id := range []int64{received, in, deferred} {
		from, _ := s.Referral(ctx, id)
		if err := s.WithdrawReferral(ctx, "os:bob", at, id, "Moved out of area."); err != nil {
			t.Fatalf("withdrawing a referral that is %s: %v", from.Status, err)
		}
		r, _ := s.Referral(ctx, id)
		w, ok, err := s.Withdrawal(ctx, id)
		want := domain.Withdrawal{ReferralID: id, Reason: "Moved out of area.", By: "os:bob", At: at}
		if r.Status != domain.StatusWithdrawn || !ok || err != nil || w != want {
			t.Errorf("after withdrawing: %s, %+v, %v, %v", r.Status, w, ok, err)
		}
		if d := lastDetail(t, s, "referral", id, "referral.withdrawn"); d["from"] != string(from.Status) {
			t.Errorf("detail %v", d)
		}
	}

	out := mustAdd(t, s, eligibleReferral(t))
	if _, err := s.ScreenReferral(ctx, "os:bob", t0, out, domain.ScreenedOut, "Not for us."); err != nil {
		t.Fatal(err)
	}
	accepted, notAccepted := screenedIn(t, s), screenedIn(t, s)
	for id, o := range map[int64]domain.ConsultationOutcome{accepted: domain.ConsultAccepted, notAccepted: domain.ConsultNotAccepted} {
		if _, _, err := s.RecordConsultation(ctx, "os:bob", t0, meeting(id, o, jo)); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []int64{out, accepted, notAccepted, received} {
		before := state(t, s, id)
		err := s.WithdrawReferral(ctx, "os:bob", at, id, "Moved out of area.")
		if !errors.Is(err, domain.ErrTransition) || !strings.HasSuffix(err.Error(), "which is final") {
			t.Errorf("withdrawing a referral that is %s: %v", before.Status, err)
		}
		if after := state(t, s, id); after != before {
			t.Errorf("refused withdrawal wrote: %+v -> %+v", before, after)
		}
	}
	fresh := mustAdd(t, s, eligibleReferral(t))
	if err := s.WithdrawReferral(ctx, "os:bob", at, fresh, "\t"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "reason") {
		t.Errorf("no reason: %v", err)
	}
	if _, ok, err := s.Withdrawal(ctx, fresh); ok || err != nil {
		t.Errorf("withdrawal without a reason saved: %v", err)
	}
	mustVerify(t, s)
}
