package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeRefusesToStart: serve does not start where no one could get in, or where
// someone could get past it.
func TestServeRefusesToStart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "team.db")
	env := map[string]string{"XDG_DATA_HOME": filepath.Join(dir, "data"), "XDG_STATE_HOME": filepath.Join(dir, "state")}
	must(t, caseloadIn(t, ctx, env, "demo", "--db", db))
	r := caseloadIn(t, ctx, env, "serve", "--db", db, "--listen", "127.0.0.1:0")
	if r.code == 0 || !strings.Contains(r.stderr, "no clinician has a key in use") || !strings.Contains(r.stderr, "caseload clinicians keys add") {
		t.Errorf("with no keys: exit %d, %s", r.code, r.stderr)
	}
	keyFile := filepath.Join(t.TempDir(), "tom.pub")
	priv, _ := newKey(t, filepath.Dir(keyFile), "tom")
	must(t, caseloadIn(t, ctx, env, "clinicians", "keys", "add", "--db", db, "2", "--file", priv+".pub"))
	for _, tt := range []struct {
		name       string
		path       string
		mode, back os.FileMode
		want       string
	}{
		{"a file the group can read", db, 0o640, 0o600, "chmod go-rwx"},
		{"a folder others can write to", dir, 0o777, 0o755, "chmod go-w"},
	} {
		if err := os.Chmod(tt.path, tt.mode); err != nil {
			t.Fatal(err)
		}
		r := caseloadIn(t, ctx, env, "serve", "--db", db, "--listen", "127.0.0.1:0")
		if r.code == 0 || !strings.Contains(r.stderr, "can be reached by other accounts") || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%s: exit %d, %s", tt.name, r.code, r.stderr)
		}
		if err := os.Chmod(tt.path, tt.back); err != nil {
			t.Fatal(err)
		}
	}
}
