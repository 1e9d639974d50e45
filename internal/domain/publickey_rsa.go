package domain

import (
	"crypto/rsa"

	"golang.org/x/crypto/ssh"
)

// rsaBits is an RSA key's size; keys of other kinds are not asked.
func rsaBits(k ssh.CryptoPublicKey) int {
	if pk, ok := k.CryptoPublicKey().(*rsa.PublicKey); ok {
		return pk.N.BitLen()
	}
	return 0
}
