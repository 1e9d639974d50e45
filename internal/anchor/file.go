package anchor

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Append adds one signed checkpoint to the anchors file at path (made 0600, and its
// folder 0700, if new) as one line, with O_APPEND so two writers never interleave, and
// waits for the disk. A file whose last line was torn (a crash mid-write) gets a line
// break first: the torn line is named by Load, and the new one stays whole.
func Append(path string, c Checkpoint) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot make the folder of %s: %w", path, err)
	}
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	if endsTorn(path) {
		b = append([]byte{'\n'}, b...)
	}
	return appendSynced(path, append(b, '\n'))
}

// endsTorn reports whether the file at path holds something after its last line break.
func endsTorn(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return false
	}
	last := make([]byte, 1)
	_, err = f.ReadAt(last, fi.Size()-1)
	return err == nil && last[0] != '\n'
}

// Loaded is what an anchors file holds: the checkpoints whose signatures hold, and a
// sentence for each line that could not be trusted.
type Loaded struct {
	Path        string
	Missing     bool // no anchors file yet: no checkpoints, which is not an error
	Checkpoints []Checkpoint
	Problems    []string // "line 12 of FILE: signature does not match"
}

// Load reads the anchors file at path, checking each line against keys (anchor.pub).
// A line that is not a checkpoint, is signed by a key anchor.pub does not list, or
// whose signature does not match is named in Problems, never silently passed over.
func Load(path string, keys []PublicKey) (Loaded, error) {
	l := Loaded{Path: path}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		l.Missing = true
		return l, nil
	}
	if err != nil {
		return l, fmt.Errorf("cannot read the anchors file %s: %w", path, err)
	}
	known := map[string]bool{}
	for _, k := range keys {
		known[k.Key] = true
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		c, err := Parse(sc.Bytes())
		why := ""
		if err != nil {
			why = err.Error()
		} else {
			why = c.verify(known)
		}
		if why != "" {
			l.Problems = append(l.Problems, fmt.Sprintf("line %d of %s: %s", n, path, why))
			continue
		}
		l.Checkpoints = append(l.Checkpoints, c)
	}
	if err := sc.Err(); err != nil {
		return l, fmt.Errorf("cannot read the anchors file %s: %w", path, err)
	}
	return l, nil
}
