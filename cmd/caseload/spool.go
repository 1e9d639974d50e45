package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// spool holds a list's output until the whole list has been read, so that a list whose
// read fails part way prints nothing: not half a list (docs/HAZARDS.md, H5). The
// pre-open page check finds a damaged page before anything is read, but a value
// damaged inside a sound page (a byte of a date flipped) is met only by the read of
// its row, and a script must not take the rows before it for the whole list.
//
// The first spoolInMemory bytes are kept in memory; a longer list goes on to a file in
// the temporary folder, readable by the user only and removed from the folder as soon
// as it is made, so that nothing can open it by name and the system frees it when the
// process ends, however it ends. Memory stays flat whatever the number of rows.
type spool struct {
	out  io.Writer
	mem  bytes.Buffer
	file *os.File
	err  error
}

// spoolInMemory is how much output is held in memory before it goes to a file: a
// team's usual lists (the demo's is 60 KB; 500 referrals about 1 MB) never touch the
// disk, and a big one costs at most this much memory on top of its rows.
const spoolInMemory = 2 << 20

func newSpool(out io.Writer) *spool { return &spool{out: out} }

func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.file == nil && s.mem.Len()+len(p) <= spoolInMemory {
		return s.mem.Write(p)
	}
	if s.file == nil {
		f, err := os.CreateTemp("", "caseload-list-")
		if err != nil {
			s.err = spoolError(err)
			return 0, s.err
		}
		_ = os.Remove(f.Name()) // open, nameless: gone when closed
		s.file = f
		if _, err := f.Write(s.mem.Bytes()); err != nil {
			s.err = spoolError(err)
			return 0, s.err
		}
		s.mem = bytes.Buffer{}
	}
	n, err := s.file.Write(p)
	if err != nil {
		s.err = spoolError(err)
	}
	return n, s.err
}

// spoolError says in a sentence why a long list could not be held: most often a full
// disk under the temporary folder.
func spoolError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("the list is longer than %d MB and cannot be held in the temporary folder %s until it is read whole (%v): free some space there, or set TMPDIR to a folder with room",
		spoolInMemory>>20, os.TempDir(), err)
}

// Commit writes everything held to out: the list was read whole.
func (s *spool) Commit() error {
	if s.err != nil {
		s.Discard()
		return s.err
	}
	if s.file == nil {
		_, err := s.out.Write(s.mem.Bytes())
		return err
	}
	defer s.Discard()
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.CopyBuffer(s.out, s.file, make([]byte, 256<<10))
	return err
}

// Discard drops what is held: the read failed, and its sentence is all that is said.
func (s *spool) Discard() {
	s.mem = bytes.Buffer{}
	if s.file != nil {
		_ = s.file.Close()
		s.file = nil
	}
}
