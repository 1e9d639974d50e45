package store

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"caseload/internal/domain"
)

func newPublicKey(t testing.TB, comment string) domain.PublicKey {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := domain.ParsePublicKey(strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k))) + " " + comment)
	if err != nil {
		t.Fatal(err)
	}
	return pk
}

// A key is added to an active clinician, audited, listed, revoked once (audited), and
// stays revoked; a key cannot be given to two clinicians, nor to one who has left.
func TestClinicianKeys(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tom, left := mustClinician(t, s, "Dr Tom Halliwell", true), mustClinician(t, s, "Dr Gone", false)
	key := newPublicKey(t, "tom@laptop")
	id, err := s.AddClinicianKey(ctx, "os:lead", t0, tom, key)
	if err != nil {
		t.Fatal(err)
	}
	if d := lastDetail(t, s, "clinician", tom, "clinician.key_added"); d["fingerprint"] != key.Fingerprint || d["key_id"] != float64(id) {
		t.Errorf("clinician.key_added detail %v", d)
	}
	for _, tt := range []struct {
		name string
		who  int64
		key  domain.PublicKey
		want error
		says string
	}{
		{"the same key again", tom, key, ErrConflict, "already registered to clinician"},
		{"the same key for another", left, key, ErrConflict, "deactivated"},
		{"a clinician who left", left, newPublicKey(t, ""), ErrConflict, "deactivated"},
		{"no such clinician", 99, newPublicKey(t, ""), ErrNotFound, ""},
	} {
		if _, err := s.AddClinicianKey(ctx, "os:lead", t0, tt.who, tt.key); !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: %v, want %v saying %q", tt.name, err, tt.want, tt.says)
		}
	}
	ks, err := s.ClinicianKeys(ctx)
	if err != nil || len(ks) != 1 || ks[0].ClinicianID != tom || ks[0].Key != key || !ks[0].RevokedAt.IsZero() || ks[0].AddedBy != "os:lead" {
		t.Fatalf("ClinicianKeys = %+v, %v", ks, err)
	}
	if err := s.RevokeClinicianKey(ctx, "os:lead", t0, key.Fingerprint); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeClinicianKey(ctx, "os:lead", t0, key.Fingerprint); err != nil {
		t.Errorf("revoking twice: %v", err)
	}
	if es, _ := s.AuditEntries(ctx, "clinician", tom); len(es) != 3 || es[2].Action != "clinician.key_revoked" {
		t.Errorf("audit of the clinician: %+v (one revocation, not two)", es)
	}
	if _, err := s.AddClinicianKey(ctx, "os:lead", t0, tom, key); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "stays revoked") {
		t.Errorf("a revoked key added again: %v", err)
	}
	if err := s.RevokeClinicianKey(ctx, "os:lead", t0, "SHA256:nothing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("revoking an unknown key: %v", err)
	}
	if ks, _ := s.ClinicianKeys(ctx); len(ks) != 1 || ks[0].RevokedAt.IsZero() || ks[0].RevokedBy != "os:lead" {
		t.Errorf("after revoking: %+v", ks)
	}
	mustVerify(t, s)
}
