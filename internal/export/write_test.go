package export

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// The file is written whole, readable by its owner only, with no temporary file left;
// an existing file is kept unless force; a folder that is not there is refused.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "record.md")
	if err := WriteFile(path, []byte("first"), false); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, %v; want 0600", info.Mode(), err)
	}
	if err := WriteFile(path, []byte("second"), false); !errors.Is(err, ErrExists) {
		t.Errorf("over an existing file without force: %v; want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("the refused write changed the file: %q", b)
	}
	if err := WriteFile(path, []byte("second"), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "second" {
		t.Errorf("with force the file holds %q", b)
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 1 {
		t.Errorf("the folder holds %d files; want the record alone", len(left))
	}
	if err := WriteFile(filepath.Join(dir, "nowhere", "r.md"), []byte("x"), false); err == nil {
		t.Error("a missing folder was accepted")
	}
	if err := os.Mkdir(filepath.Join(dir, "a.md"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(dir, "a.md"), []byte("x"), true); err == nil {
		t.Error("a folder was replaced")
	}
}

// A write that fails part way (the folder is read-only) leaves neither the file nor a
// temporary one.
func TestWriteFileFailsWhole(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into a read-only folder")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if err := WriteFile(filepath.Join(dir, "r.pdf"), []byte("x"), false); err == nil {
		t.Fatal("written into a read-only folder")
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left %v", left)
	}
}
