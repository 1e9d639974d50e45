// Package anchor pins the audit chain's head outside the database (docs/BACKUP.md,
// "Checkpoints"). A checkpoint says "on this day the chain of this database ended at
// entry N with hash H", signed with an Ed25519 key that lives outside the file, so a
// database whose chain was cut, rewritten or replaced since can be told from one that
// has only grown (docs/RULES.md, "Backups and checkpoints"; docs/BACKUP.md). The
// package is pure: files and keys in, sentences out.
package anchor

import (
	"crypto/ed25519"
	"encoding/base64"
	"strconv"
	"time"
)

// Who records a checkpoint.
const (
	ByVerify  = "verify"
	ByBackup  = "backup"
	ByRestore = "restore"
)

// Checkpoint is one line of an anchors file. Its JSON field names are a contract: old
// anchors files must stay readable.
type Checkpoint struct {
	Database  string `json:"database"` // hex SHA-256 of audit entry 1 (its hash column)
	File      string `json:"file"`     // the database file, absolute
	Entry     int64  `json:"entry"`    // the audit id of the chain's head
	Hash      string `json:"hash"`     // that entry's hash
	At        string `json:"at"`       // UTC RFC 3339, to the second
	By        string `json:"by"`       // verify, backup or restore
	Backup    string `json:"backup,omitempty"`
	PublicKey string `json:"public_key"` // base64 of the Ed25519 public key
	Signature string `json:"signature"`  // base64 of the signature over signed()
}

// Head is what a checkpoint pins: a database's chain as it stands.
type Head struct {
	Database string
	File     string
	Entry    int64
	Hash     string
}

// New is the unsigned checkpoint of head at the instant at.
func New(head Head, at time.Time, by, backup string) Checkpoint {
	return Checkpoint{Database: head.Database, File: head.File, Entry: head.Entry, Hash: head.Hash,
		At: at.UTC().Truncate(time.Second).Format(time.RFC3339), By: by, Backup: backup}
}

// Time is when the checkpoint was made; At was checked when it was parsed or made.
func (c Checkpoint) Time() time.Time {
	t, _ := time.Parse(time.RFC3339, c.At)
	return t
}

// signed is the byte string the signature covers: a label naming this format, then
// every field but the signature, each as a netstring ("<byte length>:<bytes>,"), like
// the audit chain's own canonical form (store/audit.go). The lengths make it
// unambiguous: no choice of field values gives the same bytes as different ones.
func (c Checkpoint) signed() []byte {
	var b []byte
	for _, f := range []string{"caseload checkpoint 1", c.Database, c.File, strconv.FormatInt(c.Entry, 10),
		c.Hash, c.At, c.By, c.Backup, c.PublicKey} {
		b = strconv.AppendInt(b, int64(len(f)), 10)
		b = append(b, ':')
		b = append(b, f...)
		b = append(b, ',')
	}
	return b
}

// Sign fills in the public key and the signature.
func (c Checkpoint) Sign(key ed25519.PrivateKey) Checkpoint {
	c.PublicKey = base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey))
	c.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key, c.signed()))
	return c
}

// verify says why the signature cannot be trusted ("" when it can): keys holds the
// public keys of anchor.pub, by their base64.
func (c Checkpoint) verify(keys map[string]bool) string {
	pub, err := base64.StdEncoding.DecodeString(c.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return "its public key is not an Ed25519 key"
	}
	sig, err := base64.StdEncoding.DecodeString(c.Signature)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return "its signature is not an Ed25519 signature"
	}
	if !keys[c.PublicKey] {
		return "it is signed by a key that is not in anchor.pub"
	}
	if !ed25519.Verify(ed25519.PublicKey(pub), c.signed(), sig) {
		return "signature does not match"
	}
	return ""
}
