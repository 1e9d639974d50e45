package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A list read whole reaches stdout byte for byte, from memory or past spoolInMemory
// from its temporary file; a list whose read failed prints nothing, and at no moment
// does the temporary folder hold a file by which another program could open it.
func TestListSpoolPrintsNothingOfAFailedRead(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	row := []byte(strings.Repeat("Zoë 👩‍⚕️ O\"Brien, ", 400) + "\n")
	for _, n := range []int{10, spoolInMemory/len(row) + 50} {
		for _, whole := range []bool{true, false} {
			var out, want bytes.Buffer
			s := newSpool(&out)
			for range n {
				if _, err := s.Write(row); err != nil {
					t.Fatal(err)
				}
				want.Write(row)
			}
			if big := n*len(row) > spoolInMemory; (s.file != nil) != big || big && s.mem.Len() != 0 {
				t.Errorf("%d rows: in a file %v, %d bytes in memory", n, s.file != nil, s.mem.Len())
			}
			if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "*")); len(left) != 0 {
				t.Errorf("%d rows: the temporary folder holds %v while the list is read", n, left)
			}
			if whole {
				if err := s.Commit(); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(out.Bytes(), want.Bytes()) {
					t.Errorf("%d rows: %d bytes printed, want %d", n, out.Len(), want.Len())
				}
				continue
			}
			s.Discard()
			if out.Len() != 0 {
				t.Errorf("%d rows, the read failed: %d bytes printed, want none", n, out.Len())
			}
		}
	}
}

// A temporary folder that cannot hold a long list is said in a sentence, not the
// system's raw error, and nothing is printed.
func TestListSpoolSaysWhyItCannotHold(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	var out bytes.Buffer
	s := newSpool(&out)
	_, err := s.Write(make([]byte, spoolInMemory+1))
	if err == nil || !strings.HasPrefix(err.Error(), "the list is longer than 2 MB and cannot be held in the temporary folder ") ||
		!strings.HasSuffix(err.Error(), "(no such file or directory): free some space there, or set TMPDIR to a folder with room") {
		t.Errorf("error %v", err)
	}
	if err := s.Commit(); err == nil || out.Len() != 0 {
		t.Errorf("commit after the failure: %v, %d bytes printed", err, out.Len())
	}
}
