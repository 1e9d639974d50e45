package anchor

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func signedLine(t *testing.T, key ed25519.PrivateKey, c Checkpoint) string {
	t.Helper()
	var b bytes.Buffer
	path := filepath.Join(t.TempDir(), "one")
	if err := Append(path, c.Sign(key)); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b.Write(got)
	return b.String()
}

func TestKeyMadeOnFirstUsePrivately(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "caseload")
	key, err := Key(dir, dec2)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Key(dir, jul1)
	if err != nil || !key.Equal(again) {
		t.Fatalf("second Key gave another key (%v)", err)
	}
	for name, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, KeyFile): 0o600, filepath.Join(dir, PubFile): 0o600} {
		fi, err := os.Stat(name)
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v (%v)", name, fi.Mode().Perm(), want, err)
		}
	}
	keys, problems, err := PublicKeys(filepath.Join(dir, PubFile))
	if err != nil || len(problems) > 0 || len(keys) != 1 || !keys[0].Created.Equal(dec2) {
		t.Fatalf("anchor.pub: %v %v %v", keys, problems, err)
	}
}

func TestKeyReadableByOthersRefused(t *testing.T) {
	dir := t.TempDir()
	if _, err := Key(dir, dec2); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, KeyFile), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Key(dir, dec2)
	if err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("got %v, want a refusal with the chmod that fixes it", err)
	}
}

// A rotated key signs the new checkpoints; those the old key signed still load.
func TestRotatedKeyKeepsOldCheckpoints(t *testing.T) {
	dir := t.TempDir()
	old, err := Key(dir, dec2)
	if err != nil {
		t.Fatal(err)
	}
	anchors := filepath.Join(dir, AnchorFile)
	if err := Append(anchors, cp(hashOf('a'), "/srv/team.db", 5, hashOf('e'), dec2).Sign(old)); err != nil {
		t.Fatal(err)
	}
	pub, err := Rotate(dir, jul1)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := Key(dir, jul1)
	if err != nil || cur.Equal(old) {
		t.Fatalf("rotate kept the old key (%v)", err)
	}
	if pub.Key != base64.StdEncoding.EncodeToString(cur.Public().(ed25519.PublicKey)) {
		t.Fatal("Rotate did not return the new public key")
	}
	if err := Append(anchors, cp(hashOf('a'), "/srv/team.db", 6, hashOf('e'), jul1).Sign(cur)); err != nil {
		t.Fatal(err)
	}
	keys, _, err := PublicKeys(filepath.Join(dir, PubFile))
	if err != nil || len(keys) != 2 {
		t.Fatalf("anchor.pub holds %d keys (%v), want both", len(keys), err)
	}
	l, err := Load(anchors, keys)
	if err != nil || len(l.Problems) > 0 || len(l.Checkpoints) != 2 {
		t.Fatalf("loaded %d checkpoints, problems %q (%v)", len(l.Checkpoints), l.Problems, err)
	}
}

// Every line that cannot be trusted is named with its number; the good ones load.
func TestLoadNamesEveryUntrustedLine(t *testing.T) {
	dir := t.TempDir()
	key, err := Key(dir, dec2)
	if err != nil {
		t.Fatal(err)
	}
	_, stranger, _ := ed25519.GenerateKey(nil)
	good := signedLine(t, key, cp(hashOf('a'), "/srv/team.db", 5, hashOf('e'), dec2))
	forged := strings.Replace(good, `"entry":5`, `"entry":9`, 1)
	byStranger := signedLine(t, stranger, cp(hashOf('a'), "/srv/team.db", 5, hashOf('e'), dec2))
	extra := strings.Replace(good, `{`, `{"note":"x",`, 1)
	path := filepath.Join(dir, AnchorFile)
	content := good + forged + byStranger + "not json\n" + extra + `{"database":"` + hashOf('a') + `"` + "\n" + good
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	keys, _, _ := PublicKeys(filepath.Join(dir, PubFile))
	l, err := Load(path, keys)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"line 2 of " + path + ": signature does not match",
		"line 3 of " + path + ": it is signed by a key that is not in anchor.pub",
		"line 4 of " + path + ": not a checkpoint (a JSON object per line)",
		"line 5 of " + path + ": not a checkpoint (a JSON object per line)",
		"line 6 of " + path + ": not a checkpoint (a JSON object per line)",
	}
	if strings.Join(l.Problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(l.Problems, "\n"), strings.Join(want, "\n"))
	}
	if len(l.Checkpoints) != 2 {
		t.Errorf("%d checkpoints loaded, want the 2 good lines", len(l.Checkpoints))
	}
}

func TestLoadMissingFileIsNoCheckpoints(t *testing.T) {
	l, err := Load(filepath.Join(t.TempDir(), "anchors"), nil)
	if err != nil || !l.Missing || len(l.Checkpoints) != 0 {
		t.Fatalf("got %+v, %v; want Missing and no error", l, err)
	}
}

func TestAppendMakesAPrivateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "backups", "anchors")
	_, key, _ := ed25519.GenerateKey(nil)
	for i := range 2 {
		if err := Append(path, cp(hashOf('a'), "/f", int64(i+1), hashOf('e'), dec2).Sign(key)); err != nil {
			t.Fatal(err)
		}
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	b, _ := os.ReadFile(path)
	if n := strings.Count(string(b), "\n"); n != 2 {
		t.Fatalf("%d lines, want 2", n)
	}
}

func TestParseRefusesFieldsThatCannotBeRight(t *testing.T) {
	ok := cp(hashOf('a'), "/srv/team.db", 5, hashOf('e'), dec2)
	backup := New(Head{Database: hashOf('a'), File: "/srv/team.db", Entry: 5, Hash: hashOf('e')}, dec2, ByBackup, "caseload-20261202-140000.db.age")
	tests := []struct {
		name string
		edit func(*Checkpoint)
		want string
	}{
		{"database", func(c *Checkpoint) { c.Database = "abc" }, "its database is not a SHA-256 hash"},
		{"upper-case hash", func(c *Checkpoint) { c.Hash = strings.ToUpper(hashOf('e')) }, "its hash is not a SHA-256 hash"},
		{"relative file", func(c *Checkpoint) { c.File = "team.db" }, "its file is not an absolute path"},
		{"entry", func(c *Checkpoint) { c.Entry = 0 }, "its entry is not an audit id"},
		{"time with an offset", func(c *Checkpoint) { c.At = "2026-12-02T14:00:00+01:00" }, "its time is not UTC RFC 3339"},
		{"by", func(c *Checkpoint) { c.By = "cron" }, `it was made by "cron", which is not verify, backup or restore`},
		{"backup on a verify", func(c *Checkpoint) { c.Backup = "caseload-x.db.age" }, "only a backup's checkpoint names a backup file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			tt.edit(&c)
			_, err := Parse([]byte(signedLine(t, mustKey(t), c)))
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
	for _, c := range []Checkpoint{ok, backup} {
		if _, err := Parse([]byte(signedLine(t, mustKey(t), c))); err != nil {
			t.Errorf("%+v refused: %v", c, err)
		}
	}
	bad := backup
	bad.Backup = "../team.db"
	if _, err := Parse([]byte(signedLine(t, mustKey(t), bad))); err == nil {
		t.Error("a backup name with a folder was accepted")
	}
}

func mustKey(t *testing.T) ed25519.PrivateKey {
	_, k, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestNewTruncatesToTheSecondInUTC(t *testing.T) {
	c := New(Head{}, time.Date(2026, 7, 1, 14, 30, 5, 999, time.FixedZone("BST", 3600)), ByVerify, "")
	if c.At != "2026-07-01T13:30:05Z" {
		t.Fatalf("At = %q", c.At)
	}
}

// A line torn by a crash mid-write is named, and the next checkpoint stays whole.
func TestAppendAfterATornLine(t *testing.T) {
	dir := t.TempDir()
	key, err := Key(dir, dec2)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, AnchorFile)
	whole := signedLine(t, key, cp(hashOf('a'), "/srv/team.db", 5, hashOf('e'), dec2))
	if err := os.WriteFile(path, []byte(whole+whole[:40]), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Append(path, cp(hashOf('a'), "/srv/team.db", 6, hashOf('e'), dec2).Sign(key)); err != nil {
		t.Fatal(err)
	}
	keys, _, _ := PublicKeys(filepath.Join(dir, PubFile))
	l, err := Load(path, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Checkpoints) != 2 || len(l.Problems) != 1 || l.Problems[0] != "line 2 of "+path+": not a checkpoint (a JSON object per line)" {
		t.Fatalf("checkpoints %d, problems %q", len(l.Checkpoints), l.Problems)
	}
}
