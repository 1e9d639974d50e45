package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostKeyIsMadeOncePrivately: the first start makes an Ed25519 key 0600 in a 0700
// folder; later starts read the same key (the fingerprint clinicians checked stays
// true); a key others can read, or a file that is not a key, is refused in words.
func TestHostKeyIsMadeOncePrivately(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "caseload")
	path := filepath.Join(dir, "host_ed25519")
	_, first, err := HostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(first, "SHA256:") {
		t.Errorf("fingerprint %q, want SHA256:…", first)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s has mode %04o, want %04o", p, info.Mode().Perm(), want)
		}
	}
	_, again, err := HostKey(path)
	if err != nil || again != first {
		t.Errorf("second start: %q, %v; want the same key %q", again, err, first)
	}

	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, _, err := HostKey(path); err == nil || !strings.Contains(err.Error(), "can be read by other accounts") {
		t.Errorf("a group-readable key: %v", err)
	}
	junk := filepath.Join(dir, "junk")
	if err := os.WriteFile(junk, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := HostKey(junk); err == nil || !strings.Contains(err.Error(), "is not a private key caseload can read") {
		t.Errorf("a file that is no key: %v", err)
	}
}
