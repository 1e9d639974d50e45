package domain

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
)

func authorizedLine(t testing.TB, pub any, comment string) string {
	t.Helper()
	k, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k))) + " " + comment
}

func TestParsePublicKey(t *testing.T) {
	edPub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	small, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ed := authorizedLine(t, edPub, "tom@laptop")
	key, _ := ssh.NewPublicKey(edPub)
	got, err := ParsePublicKey("  " + ed + "\n")
	if err != nil || got.Type != "ssh-ed25519" || got.Comment != "tom@laptop" || got.Fingerprint != ssh.FingerprintSHA256(key) ||
		got.Key != strings.TrimSuffix(ed, " tom@laptop") {
		t.Fatalf("ParsePublicKey(ed25519) = %+v, %v", got, err)
	}
	for _, tt := range []struct{ name, text, want string }{
		{"blank", "  ", "the key is blank"},
		{"private", "-----BEGIN OPENSSH PRIVATE KEY-----", "that is a private key"},
		{"two lines", ed + "\n" + ed, "more than one line"},
		{"not a key", "ssh-ed25519 not-base64!", "not an SSH public key"},
		{"options", `from="10.0.0.1" ` + ed, "authorized_keys options"},
		{"short RSA", authorizedLine(t, &small.PublicKey, "old"), "that RSA key has 2048 bits"},
	} {
		if _, err := ParsePublicKey(tt.text); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: ParsePublicKey = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func FuzzParsePublicKey(f *testing.F) {
	f.Add("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq3M7yYw8bH2Cj2+q8oV5f0l9s4Zq1oXxg6nG3k7e0P tom@laptop")
	f.Add("-----BEGIN OPENSSH PRIVATE KEY-----")
	f.Add(`command="x" ssh-rsa AAAA`)
	f.Fuzz(func(t *testing.T, text string) {
		k, err := ParsePublicKey(text)
		if err == nil && (!strings.HasPrefix(k.Fingerprint, "SHA256:") || k.Key == "" || strings.ContainsAny(k.Key, "\r\n")) {
			t.Errorf("ParsePublicKey(%q) = %+v", text, k)
		}
	})
}
