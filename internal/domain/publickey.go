package domain

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/crypto/ssh"
)

// PublicKey is a clinician's SSH public key, their identity when the team reaches the
// server over SSH (issue 13): the key as an authorized_keys line writes it (type and
// base64, never the comment), its SHA-256 fingerprint as ssh-keygen -l prints it, and
// the comment the clinician gave it, kept only to tell their keys apart.
type PublicKey struct {
	Type        string // "ssh-ed25519", ...
	Key         string // "ssh-ed25519 AAAA…"
	Fingerprint string // "SHA256:…"
	Comment     string
}

// minRSABits is the shortest RSA key taken: shorter ones are no longer considered safe
// (NCSC and NIST both ask for 3072 bits from 2030; keys made today should meet it).
const minRSABits = 3072

// ParsePublicKey reads one public key as ssh-keygen writes it in a .pub file or an
// authorized_keys line: "ssh-ed25519 AAAA… comment". Options before the key (an
// authorized_keys line's from= or command=) are refused: the server decides who may do
// what, not the key's line. A private key pasted by mistake is refused with a warning.
func ParsePublicKey(text string) (PublicKey, error) {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return PublicKey{}, errors.New("the key is blank: paste the one line of the clinician's .pub file (ssh-ed25519 AAAA… name)")
	case strings.Contains(text, "PRIVATE KEY"):
		return PublicKey{}, errors.New("that is a private key: never share it; give the public key, the .pub file beside it")
	case strings.ContainsAny(text, "\r\n"):
		return PublicKey{}, errors.New("the key is more than one line: give one public key, the one line of a .pub file")
	}
	key, comment, options, rest, err := ssh.ParseAuthorizedKey([]byte(text))
	switch {
	case err != nil:
		return PublicKey{}, errors.New("that is not an SSH public key: give the one line of the clinician's .pub file (ssh-ed25519 AAAA… name)")
	case len(options) > 0:
		return PublicKey{}, errors.New("the key has authorized_keys options before it: give the key alone, as its .pub file holds it")
	case len(strings.TrimSpace(string(rest))) > 0:
		return PublicKey{}, errors.New("more than one key was given: add them one at a time")
	}
	if ck, ok := key.(ssh.CryptoPublicKey); ok && key.Type() == ssh.KeyAlgoRSA {
		if bits := rsaBits(ck); bits < minRSABits {
			return PublicKey{}, fmt.Errorf("that RSA key has %d bits, too few to be safe: make an ed25519 key with ssh-keygen -t ed25519", bits)
		}
	}
	if strings.IndexFunc(comment, unicode.IsControl) >= 0 || len(comment) > 200 {
		comment = ""
	}
	return PublicKey{Type: key.Type(), Key: strings.TrimSpace(string(ssh.MarshalAuthorizedKey(key))),
		Fingerprint: ssh.FingerprintSHA256(key), Comment: strings.TrimSpace(comment)}, nil
}
