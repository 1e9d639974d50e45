package anchor

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The key files, in the key folder (the caseload data folder, never beside the database).
const (
	KeyFile    = "anchor.key" // the private key, PKCS#8 PEM, 0600
	PubFile    = "anchor.pub" // every public key ever used, one per line
	AnchorFile = "anchors"    // the default anchors file
)

// PublicKey is one line of anchor.pub: "ed25519 <base64> <created RFC 3339>".
type PublicKey struct {
	Key     string // base64, as checkpoints name it
	Created time.Time
}

// Key returns the private key in dir, making the folder (0700), the key (0600) and its
// line in anchor.pub on first use.
func Key(dir string, now time.Time) (ed25519.PrivateKey, error) {
	key, err := readKey(filepath.Join(dir, KeyFile))
	if !errors.Is(err, fs.ErrNotExist) {
		return key, err
	}
	if _, err := newKey(dir, now, false); err != nil {
		return nil, err
	}
	return readKey(filepath.Join(dir, KeyFile))
}

// Rotate replaces the private key with a new one. The old public key stays in
// anchor.pub, so the checkpoints it signed stay verifiable.
func Rotate(dir string, now time.Time) (PublicKey, error) {
	return newKey(dir, now, true)
}

// newKey writes a new key under a temporary name and then moves it into place: over
// the old key when replacing, else with a hard link that fails if another caseload made
// one meanwhile (whose key then wins, and ours is only an unused line in anchor.pub).
// Its public key is written to anchor.pub first, so no checkpoint is ever signed by a
// key anchor.pub does not list.
func newKey(dir string, now time.Time, replace bool) (PublicKey, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return PublicKey{}, fmt.Errorf("cannot make the key folder %s: %w", dir, err)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return PublicKey{}, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return PublicKey{}, err
	}
	pk := PublicKey{Key: base64.StdEncoding.EncodeToString(pub), Created: now.UTC().Truncate(time.Second)}
	line := fmt.Sprintf("ed25519 %s %s\n", pk.Key, pk.Created.Format(time.RFC3339))
	if err := appendSynced(filepath.Join(dir, PubFile), []byte(line)); err != nil {
		return PublicKey{}, err
	}
	f, err := os.CreateTemp(dir, ".anchor.key-*")
	if err != nil {
		return PublicKey{}, err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	err = pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return PublicKey{}, fmt.Errorf("cannot write the anchor key in %s: %w", dir, err)
	}
	target := filepath.Join(dir, KeyFile)
	if replace {
		err = os.Rename(tmp, target)
	} else if err = os.Link(tmp, target); errors.Is(err, fs.ErrExist) {
		err = nil
	}
	if err != nil {
		return PublicKey{}, fmt.Errorf("cannot put the anchor key in place in %s: %w", dir, err)
	}
	return pk, SyncDir(dir)
}

func readKey(path string) (ed25519.PrivateKey, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("the anchor key %s can be read by other accounts: chmod 600 %s, and make a new one with caseload anchors rotate if it may have been copied", path, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(b)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("%s is not a PEM private key", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if priv, ok := k.(ed25519.PrivateKey); err == nil && ok {
		return priv, nil
	}
	return nil, fmt.Errorf("%s is not an Ed25519 private key", path)
}

// PublicKeys reads anchor.pub; a line it cannot read is named, never skipped. A
// missing file is no keys.
func PublicKeys(path string) ([]PublicKey, []string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var keys []PublicKey
	var problems []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		var created time.Time
		var raw []byte
		if len(f) == 3 && f[0] == "ed25519" {
			raw, err = base64.StdEncoding.DecodeString(f[1])
			if err == nil {
				created, err = time.Parse(time.RFC3339, f[2])
			}
		}
		if len(f) != 3 || f[0] != "ed25519" || err != nil || len(raw) != ed25519.PublicKeySize {
			problems = append(problems, fmt.Sprintf("line %d of %s: not \"ed25519 <base64 key> <created>\"", n, path))
			continue
		}
		keys = append(keys, PublicKey{Key: f[1], Created: created})
	}
	return keys, problems, sc.Err()
}

// appendSynced adds b to the end of path (made 0600 if new) and waits for the disk.
func appendSynced(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// SyncDir makes a new name in dir durable (the backup and restore commands use it
// for their files too).
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
