package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// TokenSHA256Env holds the hex SHA-256 digest of the cluster secret. A
// worker started with it (and no secret) accepts the drivers that know the
// secret, as with GOTRAIN_TOKEN: the digest is the key of the
// challenge–response (auth.go), so it is as sensitive as the secret, but
// the secret itself (which a user may reuse) never leaves the driver. The
// Ray launcher passes the secret this way.
const TokenSHA256Env = "GOTRAIN_TOKEN_SHA256"

// secretDigest returns the hex SHA-256 digest of secret.
func secretDigest(secret string) string {
	s := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(s[:])
}

// digestKey is the authentication key of a secret's hex SHA-256 digest.
func digestKey(digest string) (authKey, error) {
	b, err := hex.DecodeString(strings.TrimSpace(digest))
	if err != nil || len(b) != sha256.Size {
		return authKey{}, fmt.Errorf("cluster: %s is not a SHA-256 digest (64 hex digits): set it to the hex SHA-256 of the cluster secret, or use %s", TokenSHA256Env, TokenEnv)
	}
	a := authKey{set: true}
	copy(a.sum[:], b)
	return a, nil
}
