package cluster

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"

	"google.golang.org/grpc/credentials"
)

// TokenEnv is the environment variable holding the cluster secret.
const TokenEnv = "GOTRAIN_TOKEN"

// MinSecretLen is the shortest secret a worker listening beyond loopback
// accepts, in bytes.
const MinSecretLen = 16

// A driver proves it knows the cluster secret without sending it: when a
// connection opens (over plain TCP, or inside TLS once that is set up)
// each side sends a fresh random nonce, the driver then sends an
// HMAC-SHA256 of both under the key, and the worker answers with an HMAC
// the other way round, so each side knows the other holds the
// key. The key is the SHA-256 of the secret; neither it nor the secret
// ever crosses the wire, and a recorded exchange is useless for the next
// connection. Nothing of gRPC runs on a connection before this succeeds.
const (
	authMagic = "GTA1"
	nonceLen  = 32
)

// authKey is the HMAC key derived from a cluster secret (set: a secret is
// required).
type authKey struct {
	sum [sha256.Size]byte
	set bool
}

func keyOf(secret string) authKey {
	if secret == "" {
		return authKey{}
	}
	return authKey{sum: sha256.Sum256([]byte(secret)), set: true}
}

// mac is the HMAC of the two nonces under the key, bound to a role.
func (k authKey) mac(role string, a, b []byte) []byte {
	m := hmac.New(sha256.New, k.sum[:])
	m.Write([]byte("gotrain " + role))
	m.Write(a)
	m.Write(b)
	return m.Sum(nil)
}

// errRejected is the worker's side of a failed proof.
var errRejected = errors.New("wrong cluster secret")

// errBadSecret is a failed proof of the secret.
var errBadSecret = errors.New("cluster: wrong cluster secret: the driver's " + TokenEnv + " (or --token-file) differs from the worker's")

// handshake wraps transport credentials (plain TCP or TLS) with the
// challenge–response; a server's guard logs and slows failed attempts.
type handshake struct {
	credentials.TransportCredentials
	key   authKey
	guard *authGuard // server only
}

// ClientHandshake runs the inner handshake, then proves the secret.
func (h *handshake) ClientHandshake(ctx context.Context, authority string, raw net.Conn) (net.Conn, credentials.AuthInfo, error) {
	conn, info, err := h.TransportCredentials.ClientHandshake(ctx, authority, raw)
	if err != nil {
		return nil, nil, err
	}
	if d, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(d)
		defer conn.SetDeadline(time.Time{})
	}
	if err := h.prove(conn); err != nil {
		conn.Close()
		return nil, nil, err
	}
	return conn, info, nil
}

// prove is the driver's side of the exchange. The driver speaks first, so
// that a TLS worker met without TLS (or the reverse) fails at once.
func (h *handshake) prove(conn net.Conn) error {
	mine := make([]byte, nonceLen)
	_, _ = rand.Read(mine)
	if _, err := conn.Write(append([]byte(authMagic), mine...)); err != nil {
		return fmt.Errorf("cluster: greet the worker: %w", err)
	}
	hello := make([]byte, len(authMagic)+1+nonceLen)
	if _, err := io.ReadFull(conn, hello); err != nil {
		return fmt.Errorf("cluster: no gotrain greeting (%v): is this a gotrain worker of this version, and does it use TLS when this driver does not (then give --tls-ca)?", err)
	}
	if string(hello[:len(authMagic)]) != authMagic {
		return fmt.Errorf("cluster: the peer's greeting is not a gotrain worker's: run the same gotrain version on both sides")
	}
	if hello[len(authMagic)] == 0 {
		return nil // the worker needs no secret (loopback)
	}
	if !h.key.set {
		return fmt.Errorf("cluster: this worker requires the cluster secret and none was set: set %s or give --token-file on the driver", TokenEnv)
	}
	theirs := hello[len(authMagic)+1:]
	if _, err := conn.Write(h.key.mac("driver", theirs, mine)); err != nil {
		return fmt.Errorf("cluster: send the proof of the secret: %w", err)
	}
	verdict := make([]byte, 1+sha256.Size)
	if _, err := io.ReadFull(conn, verdict[:1]); err != nil {
		return fmt.Errorf("cluster: the worker closed the connection during authentication: %w", err)
	}
	if verdict[0] != 1 {
		return errBadSecret
	}
	if _, err := io.ReadFull(conn, verdict[1:]); err != nil {
		return fmt.Errorf("cluster: the worker's proof of the secret: %w", err)
	}
	if !hmac.Equal(verdict[1:], h.key.mac("worker", mine, theirs)) {
		return fmt.Errorf("cluster: the worker could not prove it holds the cluster secret: is the address right?")
	}
	return nil
}

// ServerHandshake runs the inner handshake, then checks the driver's
// proof; a failure is logged with the peer's address, and that peer's next
// attempts are delayed.
func (h *handshake) ServerHandshake(raw net.Conn) (net.Conn, credentials.AuthInfo, error) {
	peer := raw.RemoteAddr().String()
	h.guard.wait(peer)
	conn, info, err := h.TransportCredentials.ServerHandshake(raw)
	if err != nil {
		h.guard.failed(peer, "TLS handshake: "+err.Error())
		return nil, nil, err
	}
	if err := h.check(conn); err != nil {
		h.guard.failed(peer, err.Error())
		if errors.Is(err, errRejected) {
			_, _ = conn.Write([]byte{0}) // after the log line, so a driver told "no" finds it there
		}
		conn.Close()
		return nil, nil, err
	}
	h.guard.succeeded(peer)
	return conn, info, nil
}

// check is the worker's side of the exchange.
func (h *handshake) check(conn net.Conn) error {
	in := make([]byte, len(authMagic)+nonceLen)
	if _, err := io.ReadFull(conn, in); err != nil {
		return fmt.Errorf("no gotrain greeting (%v)", err)
	}
	if string(in[:len(authMagic)]) != authMagic {
		return fmt.Errorf("not a gotrain driver's greeting (%q…)", in[:len(authMagic)])
	}
	theirs := in[len(authMagic):]
	mine := make([]byte, nonceLen)
	_, _ = rand.Read(mine)
	flag := byte(0)
	if h.key.set {
		flag = 1
	}
	if _, err := conn.Write(append(append([]byte(authMagic), flag), mine...)); err != nil || !h.key.set {
		return err
	}
	proof := make([]byte, sha256.Size)
	if _, err := io.ReadFull(conn, proof); err != nil {
		return fmt.Errorf("no proof of the secret (%v)", err)
	}
	if !hmac.Equal(proof, h.key.mac("driver", mine, theirs)) {
		return errRejected
	}
	_, err := conn.Write(append([]byte{1}, h.key.mac("worker", theirs, mine)...))
	return err
}

// Clone implements credentials.TransportCredentials.
func (h *handshake) Clone() credentials.TransportCredentials {
	return &handshake{TransportCredentials: h.TransportCredentials.Clone(), key: h.key, guard: h.guard}
}

// NewSecret returns a fresh random cluster secret (256 bits, hex).
func NewSecret() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("cluster: make a secret: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// ReadSecret returns the cluster secret from tokenFile when it is given,
// otherwise from GOTRAIN_TOKEN ("" when neither is set). The file holds the
// secret on its first line.
func ReadSecret(tokenFile string) (string, error) {
	if tokenFile == "" {
		return strings.TrimSpace(os.Getenv(TokenEnv)), nil
	}
	b, err := os.ReadFile(tokenFile)
	if err != nil {
		return "", fmt.Errorf("read the secret: %w", err)
	}
	s := strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
	if s == "" {
		return "", fmt.Errorf("token file %s is empty: write the secret on its first line", tokenFile)
	}
	return s, nil
}
