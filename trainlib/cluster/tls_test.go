package cluster

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// writeCert writes a self-signed certificate for 127.0.0.1 and its key.
func writeCert(t *testing.T, dir string) (cert, key string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "gotrain test worker"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	cert, key = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600); err != nil {
		t.Fatal(err)
	}
	return cert, key
}

func TestMutualTLS(t *testing.T) {
	cert, key := writeCert(t, t.TempDir())
	secret, _ := NewSecret()
	_, addr := startWorker(t, secret, "--tls-cert", cert, "--tls-key", key, "--tls-ca", cert)
	ctx := context.Background()
	c, err := Connect(ctx, Config{Addresses: []string{addr}, Secret: secret, TLS: &TLSFiles{CA: cert, Cert: cert, Key: key}})
	if err != nil {
		t.Fatal(err)
	}
	if st := c.Status(ctx); !st.Workers[0].Alive || st.Workers[0].LastError != "" {
		t.Fatalf("status over TLS:\n%s", st)
	}
	c.Close()
	_, err = Connect(ctx, Config{Addresses: []string{addr}, Secret: secret, DialTimeout: 2 * time.Second})
	mustFail(t, err, addr, "TLS")
	_, err = Connect(ctx, Config{Addresses: []string{addr}, Secret: secret, TLS: &TLSFiles{CA: cert}, DialTimeout: 2 * time.Second})
	mustFail(t, err, addr, "TLS")
}
