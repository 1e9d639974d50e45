package store

import (
	"context"
	"testing"
)

// A lead undoes a wrong binding, or frees a deactivated clinician's account so it can
// be bound to whoever uses it now; each unbinding is audited, names the account, and
// leaves what the clinician wrote theirs.
func TestUnbindClinician(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali, bea, cy := mustClinician(t, s, "Dr Ali", true), mustClinician(t, s, "Bea Nurse", true), mustClinician(t, s, "Cy Free", true)
	for id, account := range map[int64]string{ali: "ali", bea: "bea"} {
		if err := s.BindClinician(ctx, "os:lead", t0, id, account); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeactivateClinician(ctx, "os:lead", t0, bea); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		name      string
		clinician int64
		account   string
		says      string
		kind      error
	}{
		{"another account than theirs", ali, "bea", "clinician 1 is bound to OS account ali, not bea", ErrConflict},
		{"an account bound to another", cy, "ali", "OS account ali is bound to clinician 1, not 3", ErrConflict},
		{"no such clinician", 99, "ali", "clinician 99 does not exist", ErrNotFound},
		{"no account", ali, " ", "cannot be unbound", ErrInvalid},
		{"control character", ali, "al\ni", "cannot be unbound", ErrInvalid},
	} {
		audit := count(t, s, "audit")
		wantErr(t, tt.name, s.UnbindClinician(ctx, "os:lead", t0, tt.clinician, tt.account), tt.says, tt.kind)
		if count(t, s, "audit") != audit {
			t.Errorf("%s: recorded something", tt.name)
		}
	}
	audit := count(t, s, "audit")
	if err := s.UnbindClinician(ctx, "os:lead", t0, cy, "cy"); err != nil || count(t, s, "audit") != audit {
		t.Errorf("unbinding a clinician bound to nobody: %v, %d audit entries", err, count(t, s, "audit")-audit)
	}

	// The deactivated clinician's account is freed and bound to someone else.
	if err := s.UnbindClinician(ctx, "os:lead", t0, bea, "bea"); err != nil {
		t.Fatal(err)
	}
	if d := lastDetail(t, s, "clinician", bea, "clinician.unbound"); d["os_user"] != "bea" || d["clinician_id"] != float64(bea) {
		t.Errorf("clinician.unbound detail = %v", d)
	}
	if _, ok, err := s.ClinicianByOSUser(ctx, "bea"); ok || err != nil {
		t.Errorf("the account is still bound: %v, %v", ok, err)
	}
	if err := s.BindClinician(ctx, "os:lead", t0, cy, "bea"); err != nil {
		t.Fatalf("binding the freed account: %v", err)
	}

	// A wrong binding is undone and the clinician bound to their own account.
	if err := s.UnbindClinician(ctx, "os:lead", t0, ali, "ali"); err != nil {
		t.Fatal(err)
	}
	if err := s.BindClinician(ctx, "os:lead", t0, ali, "ali2"); err != nil {
		t.Fatalf("binding again after unbinding: %v", err)
	}
	if c, ok, err := s.ClinicianByOSUser(ctx, "ali2"); !ok || err != nil || c.ID != ali {
		t.Errorf("ali2 = %+v, %v, %v", c, ok, err)
	}
	mustVerify(t, s)
}
