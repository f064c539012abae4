package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// TokenSHA256Env holds the hex SHA-256 digest of the cluster secret. A
// worker started with it (and no secret) accepts the drivers that send the
// secret, as with GOTRAIN_TOKEN, while the digest itself cannot be used to
// call the worker. The Ray launcher passes the secret this way, because a
// Ray job's environment is listed in the cluster's job metadata.
const TokenSHA256Env = "GOTRAIN_TOKEN_SHA256"

// secretDigest returns the hex SHA-256 digest of secret.
func secretDigest(secret string) string {
	s := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(s[:])
}

// digestAuthenticator checks calls against a secret's hex SHA-256 digest.
func digestAuthenticator(digest string) (authenticator, error) {
	b, err := hex.DecodeString(strings.TrimSpace(digest))
	if err != nil || len(b) != sha256.Size {
		return authenticator{}, fmt.Errorf("cluster: %s is not a SHA-256 digest (64 hex digits): set it to the hex SHA-256 of the cluster secret, or use %s", TokenSHA256Env, TokenEnv)
	}
	a := authenticator{set: true}
	copy(a.sum[:], b)
	return a, nil
}
