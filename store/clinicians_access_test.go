package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"caseload/internal/domain"
)

// A lead changes a clinician's access, audited with from and to; the same access again
// records nothing; the last active lead cannot be made anything else, nor can anyone
// change their own access; a made-up access and an unknown clinician are refused.
func TestSetClinicianAccess(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	lead := actorOf(tm.lead)

	changed, err := s.SetClinicianAccess(ctx, lead, t0, tm.clinician, domain.AccessAdmin)
	if err != nil || !changed {
		t.Fatalf("SetClinicianAccess = %v, %v", changed, err)
	}
	if c := clinicianNamed(t, s, tm.clinician); c.Access != domain.AccessAdmin {
		t.Errorf("access = %q, want admin", c.Access)
	}
	if d := lastDetail(t, s, "clinician", tm.clinician, "clinician.access_changed"); d["from"] != "clinician" || d["to"] != "admin" {
		t.Errorf("detail = %v", d)
	}
	entries := count(t, s, "audit")
	if changed, err := s.SetClinicianAccess(ctx, lead, t0, tm.clinician, "Admin "); err != nil || changed || count(t, s, "audit") != entries {
		t.Errorf("the same access again: %v, %v, %d entries", changed, err, count(t, s, "audit")-entries)
	}

	for _, c := range []struct {
		name  string
		actor string
		id    int64
		to    domain.Access
		want  error
		says  string
	}{
		{"the last active lead", "os:root", tm.lead, domain.AccessClinician, ErrConflict,
			"Dr Lee Lead is the team's last active lead: make someone else a lead first"},
		{"their own", lead, tm.lead, domain.AccessClinician, ErrForbidden, "may not change their own access"},
		{"no such access", lead, tm.clinician, "superuser", ErrInvalid, `"superuser" is not an access: use clinician, lead or admin`},
		{"no such clinician", lead, 99, domain.AccessLead, ErrNotFound, "clinician 99 does not exist"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.SetClinicianAccess(ctx, c.actor, t0, c.id, c.to)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.says) {
				t.Errorf("err = %v, want %v saying %q", err, c.want, c.says)
			}
		})
	}
	// With a second lead, the first may step down; a lead who left does not count.
	if _, err := s.SetClinicianAccess(ctx, lead, t0, tm.clinician, domain.AccessLead); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetClinicianAccess(ctx, "os:root", t0, tm.lead, domain.AccessClinician); err != nil {
		t.Errorf("stepping down beside another lead: %v", err)
	}
	mustVerify(t, s)
}

func clinicianNamed(t testing.TB, s *Store, id int64) domain.Clinician {
	t.Helper()
	cs, err := s.Clinicians(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no clinician %d", id)
	return domain.Clinician{}
}

// A case is never allocated to IT (admin), who cannot open it: at a consultation or in
// an import.
func TestCaseIsNotAllocatedToAdmin(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	id := mustAdd(t, s, eligibleReferral(t))
	if _, err := s.ScreenReferral(ctx, "os:alice", t0, id, domain.ScreenedIn, ""); err != nil {
		t.Fatal(err)
	}
	_, _, err := s.RecordConsultation(ctx, "os:bob", t0, meeting(id, domain.ConsultAccepted, tm.admin))
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "is IT (admin), who cannot open clinical records") {
		t.Errorf("allocated to admin at a consultation: %v", err)
	}
	bad, err := s.CheckCaseImport(ctx, t0, importedCases(tm.admin)[:1])
	if err != nil || len(bad) != 1 || bad[0] == nil || !strings.Contains(bad[0].Error(), "is IT (admin)") {
		t.Errorf("allocated to admin in an import: %v, %v", bad, err)
	}
}
