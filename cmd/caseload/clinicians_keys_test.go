package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
)

// A lead registers a clinician's public key from its .pub file, lists it, revokes it;
// each step says what it did, and the mistakes a person makes get a sentence.
func TestClinicianKeysCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "team.db")
	demoDB(t, db)
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "tom.pub")
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k))) + " tom@laptop\n"
	if err := os.WriteFile(file, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	fp := ssh.FingerprintSHA256(k)
	r := must(t, caseload(t, nil, "clinicians", "keys", "add", "--db", db, "2", "--file", file))
	if r.stdout != "added key "+fp+" (ssh-ed25519) for clinician 2\n" {
		t.Errorf("add said %q", r.stdout)
	}
	for _, tt := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"2", "--key", line}, exitWrong, "already registered to clinician 2"},
		{[]string{"3", "--key", "-----BEGIN OPENSSH PRIVATE KEY-----"}, exitWrong, "that is a private key"},
		{[]string{"3"}, exitUsage, "needs the key"},
		{[]string{"3", "--key", line, "--file", file}, exitUsage, "needs the key"},
		{[]string{"x", "--file", file}, exitWrong, "is not a clinician id"},
	} {
		r := caseload(t, nil, append([]string{"clinicians", "keys", "add", "--db", db}, tt.args...)...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.says) {
			t.Errorf("keys add %q: exit %d, %q; want %d and %q", tt.args, r.code, r.stderr, tt.code, tt.says)
		}
	}
	list := func() []keyJSON {
		t.Helper()
		var ks []keyJSON
		r := must(t, caseload(t, nil, "clinicians", "keys", "list", "--db", db, "--format", "json"))
		if err := json.Unmarshal([]byte(r.stdout), &ks); err != nil {
			t.Fatal(err)
		}
		return ks
	}
	if ks := list(); len(ks) != 1 || ks[0].Fingerprint != fp || ks[0].ClinicianID != 2 || ks[0].Comment != "tom@laptop" || ks[0].RevokedAt != "" {
		t.Errorf("keys list %+v", ks)
	}
	must(t, caseload(t, nil, "clinicians", "keys", "revoke", "--db", db, fp))
	if ks := list(); len(ks) != 1 || ks[0].RevokedAt == "" || ks[0].RevokedBy == "" {
		t.Errorf("keys list after revoking %+v", ks)
	}
	if r := caseload(t, nil, "clinicians", "keys", "revoke", "--db", db, "SHA256:none"); r.code != exitWrong || !strings.Contains(r.stderr, "no key has the fingerprint") {
		t.Errorf("revoking an unknown key: exit %d, %q", r.code, r.stderr)
	}
	must(t, caseload(t, nil, "verify", "--db", db))
}
