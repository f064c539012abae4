package cluster

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"

	"google.golang.org/grpc/credentials"
)

// TLSFiles names PEM files for TLS between driver and workers. On a
// worker, Cert and Key are its certificate and CA (when set) verifies
// client certificates; on a driver, CA verifies the workers and Cert and
// Key (when set) are the client certificate.
type TLSFiles struct {
	Cert, Key, CA string
}

// pool reads the CA file.
func (t *TLSFiles) pool() (*x509.CertPool, error) {
	pem, err := os.ReadFile(t.CA)
	if err != nil {
		return nil, fmt.Errorf("cluster: read TLS CA: %w", err)
	}
	p := x509.NewCertPool()
	if !p.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("cluster: TLS CA %s holds no PEM certificate", t.CA)
	}
	return p, nil
}

// server returns the worker's transport credentials.
func (t *TLSFiles) server() (credentials.TransportCredentials, error) {
	if t.Cert == "" || t.Key == "" {
		return nil, fmt.Errorf("cluster: a TLS worker needs both a certificate and a key file")
	}
	cert, err := tls.LoadX509KeyPair(t.Cert, t.Key)
	if err != nil {
		return nil, fmt.Errorf("cluster: load TLS certificate %s and key %s: %w", t.Cert, t.Key, err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	if t.CA != "" {
		if cfg.ClientCAs, err = t.pool(); err != nil {
			return nil, err
		}
		cfg.ClientAuth = tls.RequireAndVerifyClientCert
	}
	return credentials.NewTLS(cfg), nil
}

// client returns the driver's transport credentials.
func (t *TLSFiles) client() (credentials.TransportCredentials, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	var err error
	if t.CA != "" {
		if cfg.RootCAs, err = t.pool(); err != nil {
			return nil, err
		}
	}
	if t.Cert != "" || t.Key != "" {
		cert, err := tls.LoadX509KeyPair(t.Cert, t.Key)
		if err != nil {
			return nil, fmt.Errorf("cluster: load TLS client certificate %s and key %s: %w", t.Cert, t.Key, err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	return credentials.NewTLS(cfg), nil
}
