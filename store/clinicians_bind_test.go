package store

import (
	"context"
	"testing"

	"caseload/internal/domain"
)

func TestBindClinician(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali, bea, cy := mustClinician(t, s, "Dr Ali", true), mustClinician(t, s, "Bea Nurse", true), mustClinician(t, s, "Cy Left", true)

	if _, ok, err := s.ClinicianByOSUser(ctx, "ali"); ok || err != nil {
		t.Fatalf("unbound account found: %v, %v", ok, err)
	}
	if err := s.BindClinician(ctx, "os:ali", t0, ali, "ali"); err != nil {
		t.Fatal(err)
	}
	c, ok, err := s.ClinicianByOSUser(ctx, "ali")
	if err != nil || !ok || c != (domain.Clinician{ID: ali, Name: "Dr Ali", OSUser: "ali", Active: true, Access: domain.AccessClinician}) {
		t.Fatalf("ClinicianByOSUser = %+v, %v, %v", c, ok, err)
	}
	if d := lastDetail(t, s, "clinician", ali, "clinician.bound"); d["os_user"] != "ali" || d["clinician_id"] != float64(ali) {
		t.Errorf("clinician.bound detail = %v", d)
	}
	audit := count(t, s, "audit")
	if err := s.BindClinician(ctx, "os:ali", t0, ali, "ali"); err != nil || count(t, s, "audit") != audit {
		t.Errorf("binding again: %v, %d new audit entries", err, count(t, s, "audit")-audit)
	}
	if err := s.DeactivateClinician(ctx, "os:lead", t0, cy); err != nil {
		t.Fatal(err)
	}
	if d := lastDetail(t, s, "clinician", cy, "clinician.deactivated"); d["clinician_id"] != float64(cy) {
		t.Errorf("clinician.deactivated detail = %v", d)
	}
	for _, tt := range []struct {
		name      string
		clinician int64
		account   string
		says      string
		kind      error
	}{
		{"clinician bound elsewhere", ali, "other", "clinician 1 is already bound to OS account ali", ErrConflict},
		{"account bound to another", bea, "ali", "OS account ali is already bound to clinician 1", ErrConflict},
		{"deactivated", cy, "cy", "deactivated", ErrConflict},
		{"no such clinician", 99, "x", "clinician 99 does not exist", ErrNotFound},
		{"no account", bea, " ", "cannot be bound", ErrInvalid},
		{"control character", bea, "b\nea", "cannot be bound", ErrInvalid},
	} {
		wantErr(t, tt.name, s.BindClinician(ctx, "os:lead", t0, tt.clinician, tt.account), tt.says, tt.kind)
	}

	// A clinician who leaves keeps their binding, found but inactive, and can do nothing.
	audit = count(t, s, "audit")
	if err := s.DeactivateClinician(ctx, "os:lead", t0, ali); err != nil {
		t.Fatal(err)
	}
	if err := s.DeactivateClinician(ctx, "os:lead", t0, ali); err != nil || count(t, s, "audit") != audit+1 {
		t.Errorf("deactivating twice: %v, %d audit entries", err, count(t, s, "audit")-audit)
	}
	if c, ok, err := s.ClinicianByOSUser(ctx, "ali"); !ok || err != nil || c.Active {
		t.Errorf("deactivated clinician by account = %+v, %v, %v", c, ok, err)
	}
	wantErr(t, "deactivating nobody", s.DeactivateClinician(ctx, "os:lead", t0, 99), "does not exist", ErrNotFound)
	caseID := openCase(t, s, bea, 0)
	_, err = s.SaveNoteDraft(ctx, ali, t0, draft(caseID, "x"))
	wantErr(t, "a deactivated clinician writing", err, "deactivated", ErrConflict)
	_, err = s.ViewCase(ctx, ali, t0, caseID)
	wantErr(t, "a deactivated clinician opening a case", err, "deactivated", ErrConflict)
	refusedSQL(t, s, "clinicians are deactivated, never deleted", "DELETE FROM clinicians")
	mustVerify(t, s)
}
