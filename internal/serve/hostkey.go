package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// HostKey reads the server's host key at path, creating it the first time: an Ed25519
// key, 0600 in a 0700 folder, never in the working directory (where wish would write
// one when given none). A key that other accounts can read is refused: whoever reads
// it can pose as the server to every clinician. It returns the key's PEM and its
// SHA256 fingerprint, which the server prints so clinicians can check it on their
// first connection.
func HostKey(path string) (pemBytes []byte, fingerprint string, err error) {
	pemBytes, err = os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if pemBytes, err = newHostKey(path); err != nil {
			return nil, "", err
		}
	} else if err != nil {
		return nil, "", fmt.Errorf("cannot read the host key %s: %w", path, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, "", fmt.Errorf("cannot read the host key %s: %w", path, err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		return nil, "", fmt.Errorf("the host key %s can be read by other accounts (mode %04o): run chmod 600 %s, and if anyone else may have copied it, delete it so a new one is made and tell the team its new fingerprint",
			path, info.Mode().Perm(), path)
	}
	signer, err := gossh.ParsePrivateKey(pemBytes)
	if err != nil {
		return nil, "", fmt.Errorf("the host key %s is not a private key caseload can read (%v): move it away and a new one is made", path, err)
	}
	return pemBytes, gossh.FingerprintSHA256(signer.PublicKey()), nil
}

func newHostKey(path string) ([]byte, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot make the folder for the host key: %w", err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "caseload host key")
	if err != nil {
		return nil, err
	}
	out := pem.EncodeToMemory(block)
	// O_EXCL: two servers started at once must not each write a key over the other's.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot create the host key %s: %w", path, err)
	}
	if _, err := f.Write(out); err != nil {
		_ = f.Close()
		_ = os.Remove(path)
		return nil, fmt.Errorf("cannot write the host key %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		_ = os.Remove(path)
		return nil, fmt.Errorf("cannot write the host key %s: %w", path, err)
	}
	return out, f.Close()
}
