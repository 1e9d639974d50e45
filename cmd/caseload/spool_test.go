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
