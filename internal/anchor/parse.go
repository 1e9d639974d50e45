package anchor

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// Parse reads one line of an anchors file and checks that every field can be what it
// says; the signature is checked by Load, which knows the keys. Its errors are
// sentences without the line number, which Load adds.
func Parse(line []byte) (Checkpoint, error) {
	var c Checkpoint
	dec := json.NewDecoder(bytes.NewReader(line))
	// A field this version does not know is not covered by the signature: refused, so
	// nothing unsigned is ever shown as checked.
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Checkpoint{}, errors.New("not a checkpoint (a JSON object per line)")
	}
	if dec.More() {
		return Checkpoint{}, errors.New("more than one checkpoint on the line")
	}
	if why := c.problem(); why != "" {
		return Checkpoint{}, errors.New(why)
	}
	return c, nil
}

// problem says which field cannot be right ("" when all can).
func (c Checkpoint) problem() string {
	switch {
	case !isHash(c.Database):
		return "its database is not a SHA-256 hash"
	case !filepath.IsAbs(c.File) || strings.ContainsAny(c.File, "\x00\n"):
		return "its file is not an absolute path"
	case c.Entry < 1:
		return "its entry is not an audit id"
	case !isHash(c.Hash):
		return "its hash is not a SHA-256 hash"
	case !isInstant(c.At):
		return "its time is not UTC RFC 3339"
	case c.By != ByVerify && c.By != ByBackup && c.By != ByRestore:
		return fmt.Sprintf("it was made by %q, which is not verify, backup or restore", c.By)
	case (c.By == ByBackup) != (c.Backup != ""):
		return "only a backup's checkpoint names a backup file"
	case c.Backup != "" && (filepath.Base(c.Backup) != c.Backup || !strings.HasSuffix(c.Backup, ".db.age")):
		return "its backup is not a backup file's name"
	}
	return ""
}

func isHash(s string) bool {
	b, err := hex.DecodeString(s)
	return err == nil && len(b) == 32 && strings.ToLower(s) == s
}

// isInstant accepts only the one spelling New writes, so the signed text has one form.
func isInstant(s string) bool {
	t, err := time.Parse(time.RFC3339, s)
	return err == nil && t.UTC().Format(time.RFC3339) == s
}
