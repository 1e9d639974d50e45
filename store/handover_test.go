package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

func TestHandOver(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	other, err := s.AddClinician(ctx, "os:root", t0, domain.Clinician{Name: "Dr Priya Second", Access: domain.AccessClinician, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	caseID := openCase(t, s, tm.clinician, 0)
	at := t0.Add(time.Hour)
	h := domain.Handover{CaseID: caseID, To: other, Note: "Seen weekly; next MAPPA on the 9th."}
	for _, tc := range []struct {
		name     string
		by, seen int64
		h        domain.Handover
		want     error
	}{
		{"someone else's case", other, tm.clinician, h, ErrForbidden},
		{"handed over since", tm.lead, 0, h, ErrConflict},
		{"to IT", tm.lead, tm.clinician, domain.Handover{CaseID: caseID, To: tm.admin, Note: "x"}, ErrInvalid},
		{"to one who left", tm.lead, tm.clinician, domain.Handover{CaseID: caseID, To: tm.left, Note: "x"}, ErrInvalid},
		{"to the same clinician", tm.lead, tm.clinician, domain.Handover{CaseID: caseID, To: tm.clinician, Note: "x"}, ErrInvalid},
		{"no note", tm.clinician, tm.clinician, domain.Handover{CaseID: caseID, To: other, Note: " \n"}, ErrInvalid},
		{"by IT", tm.admin, tm.clinician, h, ErrForbidden},
	} {
		if _, err := s.HandOver(ctx, tc.by, at, tc.h, tc.seen); !errors.Is(err, tc.want) {
			t.Errorf("%s: HandOver = %v, want %v", tc.name, err, tc.want)
		}
	}
	got, err := s.HandOver(ctx, tm.clinician, at, h, tm.clinician)
	if err != nil || got.From != tm.clinician || got.Hash != domain.HandoverHash(got) {
		t.Fatalf("the case's own clinician hands over = %+v, %v", got, err)
	}
	c, err := s.Case(ctx, caseID)
	if err != nil || c.AllocatedClinicianID != other {
		t.Fatalf("case after handover = %+v, %v", c, err)
	}
	list, err := s.Handovers(ctx, caseID)
	if err != nil || len(list) != 1 || list[0] != got {
		t.Fatalf("Handovers = %+v, %v", list, err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("Verify after a handover: %v", err)
	}
}

func TestHandOverPastTheCapNeedsAReason(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	if _, err := s.SetSetting(ctx, "os:root", t0, domain.SettingCaseloadCap, "4"); err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		openCase(t, s, tm.lead, i)
	}
	caseID := openCase(t, s, tm.clinician, 4)
	h := domain.Handover{CaseID: caseID, To: tm.lead, Note: "Covering while Tom is away."}
	_, err := s.HandOver(ctx, tm.clinician, t0, h, tm.clinician)
	if !errors.Is(err, domain.ErrOverCap) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("past the cap without a reason = %v, want ErrOverCap", err)
	}
	h.OverCapReason = "Only lead with Channel experience"
	got, err := s.HandOver(ctx, tm.clinician, t0, h, tm.clinician)
	if err != nil || got.OverCapReason == "" {
		t.Fatalf("past the cap with a reason = %+v, %v", got, err)
	}
	loads, err := s.TeamLoad(ctx, ident.DateOf(t0))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range loads {
		if l.Clinician.ID == tm.lead && (l.Open != 5 || !l.OverCap() || l.Cap != 4) {
			t.Errorf("lead's load = %+v: want 5 open, over a cap of 4", l)
		}
		if l.Clinician.ID == tm.admin || l.Clinician.ID == tm.left {
			t.Errorf("TeamLoad lists %s, who holds no cases", l.Clinician.Name)
		}
	}
}

func TestTeamLoadListsTheUnallocatedAndTheDeactivated(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	held := openCase(t, s, tm.clinician, 0)
	nobody := openCase(t, s, tm.clinician, 1)
	fixture(t, s, "UPDATE cases SET allocated_clinician_id = NULL WHERE id = ?", nobody)
	fixture(t, s, "UPDATE cases SET allocated_clinician_id = ? WHERE id = ?", tm.left, held)
	mustSave(t, s, tm.lead, draft(held, "unsigned"))
	loads, err := s.TeamLoad(ctx, ident.DateOf(t0))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range loads {
		names = append(names, l.Clinician.Name)
		if l.Clinician.ID == tm.lead && l.Drafts != 1 {
			t.Errorf("lead's drafts = %d, want 1", l.Drafts)
		}
	}
	want := []string{"Dr Lee Lead", "Dr Tom Halliwell", "Dr Gone", ""}
	if len(names) != len(want) {
		t.Fatalf("TeamLoad = %q, want %q", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("TeamLoad = %q, want %q", names, want)
		}
	}
}

// Accepting a referral for a clinician who holds the cap is refused without a reason,
// and with one opens the case and keeps the reason, sealed.
func TestConsultationPastTheCapNeedsAReason(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	if _, err := s.SetSetting(ctx, "os:root", t0, domain.SettingCaseloadCap, "4"); err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		openCase(t, s, tm.clinician, i)
	}
	r := eligibleReferral(t)
	r.Person.NHSNumber = testNHS(600)
	id := mustAdd(t, s, r)
	if _, err := s.ScreenReferral(ctx, "os:alice", t0, id, domain.ScreenedIn, ""); err != nil {
		t.Fatal(err)
	}
	c := meeting(id, domain.ConsultAccepted, tm.clinician)
	if _, _, err := s.RecordConsultation(ctx, "os:bob", t0, c); !errors.Is(err, domain.ErrOverCap) {
		t.Fatalf("accepting past the cap without a reason = %v, want ErrOverCap", err)
	}
	if got := count(t, s, "cases"); got != 4 {
		t.Fatalf("%d cases after the refusal, want 4: nothing half-written", got)
	}
	c.OverCapReason = "The only clinician who has worked with him before"
	_, caseID, err := s.RecordConsultation(ctx, "os:bob", t0, c)
	if err != nil || caseID == 0 {
		t.Fatalf("with a reason = %d, %v", caseID, err)
	}
	var held, limit int
	if err := s.db.QueryRow("SELECT held, cap FROM over_cap_allocations WHERE case_id = ?", caseID).Scan(&held, &limit); err != nil || held != 4 || limit != 4 {
		t.Fatalf("the allocation past the cap = %d of %d, %v", held, limit, err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("Verify: %v", err)
	}
}
