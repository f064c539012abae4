package cluster

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// tokenHeader is the gRPC metadata key that carries the cluster secret.
const tokenHeader = "x-gotrain-token"

// TokenEnv is the environment variable holding the cluster secret.
const TokenEnv = "GOTRAIN_TOKEN"

// authenticator checks the cluster secret of incoming calls. It compares
// SHA-256 digests in constant time, so neither the secret's bytes nor its
// length leak through timing.
type authenticator struct {
	sum [32]byte
	set bool
}

func newAuthenticator(secret string) authenticator {
	if secret == "" {
		return authenticator{}
	}
	return authenticator{sum: sha256.Sum256([]byte(secret)), set: true}
}

// check returns an Unauthenticated error unless ctx carries the secret.
func (a authenticator) check(ctx context.Context) error {
	if !a.set {
		return nil
	}
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get(tokenHeader)
	if len(vals) != 1 {
		return status.Error(codes.Unauthenticated, "cluster: this worker requires the cluster secret and none was sent: set "+TokenEnv+" or give --token-file on the driver")
	}
	got := sha256.Sum256([]byte(vals[0]))
	if subtle.ConstantTimeCompare(got[:], a.sum[:]) != 1 {
		return status.Error(codes.Unauthenticated, "cluster: wrong cluster secret: the driver's "+TokenEnv+" (or --token-file) differs from the worker's")
	}
	return nil
}

// unaryInterceptor checks the secret of every unary call (health checks
// included).
func (a authenticator) unaryInterceptor(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	if err := a.check(ctx); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

// streamInterceptor checks the secret of every streaming call (the health
// service's Watch).
func (a authenticator) streamInterceptor(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	if err := a.check(ss.Context()); err != nil {
		return err
	}
	return h(srv, ss)
}

// tokenCreds attaches the secret to every outgoing call.
type tokenCreds struct {
	secret string
	tls    bool
}

// GetRequestMetadata implements credentials.PerRPCCredentials.
func (t tokenCreds) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{tokenHeader: t.secret}, nil
}

// RequireTransportSecurity implements credentials.PerRPCCredentials: the
// secret also travels over plain TCP, for loopback and trusted networks.
func (t tokenCreds) RequireTransportSecurity() bool { return false }

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
		return "", fmt.Errorf("cluster: read the secret: %w", err)
	}
	s := strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
	if s == "" {
		return "", fmt.Errorf("cluster: token file %s is empty: write the cluster secret on its first line", tokenFile)
	}
	return s, nil
}
