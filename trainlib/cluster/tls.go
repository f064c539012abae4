package cluster

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"google.golang.org/grpc/credentials"
)

// TLSFiles names PEM files for TLS between driver and workers. On a
// worker, Cert and Key are its certificate and CA (when set) verifies
// client certificates; on a driver, CA verifies the workers and Cert and
// Key (when set) are the client certificate. The PEM fields hold the same
// material in memory, used for a part whose file is not named.
type TLSFiles struct {
	Cert, Key, CA          string
	CertPEM, KeyPEM, CAPEM []byte
	// ServerName, on a driver, is the name the workers' certificates must
	// carry; empty means the host of each worker's address.
	ServerName string
}

// Environment variables through which a launcher hands a worker its TLS
// material (PEM text) when no --tls flag is given: a Ray job's per-job CA,
// certificate and key travel this way.
const (
	TLSCAEnv   = "GOTRAIN_TLS_CA_PEM"
	TLSCertEnv = "GOTRAIN_TLS_CERT_PEM"
	TLSKeyEnv  = "GOTRAIN_TLS_KEY_PEM"
)

// pemOf returns the file's contents, or mem when no file is named.
func pemOf(file string, mem []byte, what string) ([]byte, error) {
	if file == "" {
		return mem, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("cluster: read TLS %s: %w", what, err)
	}
	return b, nil
}

// pool reads the CA (nil when there is none).
func (t *TLSFiles) pool() (*x509.CertPool, error) {
	b, err := pemOf(t.CA, t.CAPEM, "CA")
	if err != nil || b == nil {
		return nil, err
	}
	p := x509.NewCertPool()
	if !p.AppendCertsFromPEM(b) {
		return nil, fmt.Errorf("cluster: TLS CA %s holds no PEM certificate", t.CA)
	}
	return p, nil
}

// pair reads the certificate and key (ok false when neither is given).
func (t *TLSFiles) pair() (cert tls.Certificate, ok bool, err error) {
	c, err := pemOf(t.Cert, t.CertPEM, "certificate")
	if err != nil {
		return cert, false, err
	}
	k, err := pemOf(t.Key, t.KeyPEM, "key")
	if err != nil {
		return cert, false, err
	}
	if c == nil && k == nil {
		return cert, false, nil
	}
	if c == nil || k == nil {
		return cert, false, fmt.Errorf("cluster: TLS needs both a certificate and a key (--tls-cert and --tls-key)")
	}
	if cert, err = tls.X509KeyPair(c, k); err != nil {
		return cert, false, fmt.Errorf("cluster: TLS certificate %s and key %s: %w", t.Cert, t.Key, err)
	}
	return cert, true, nil
}

// server returns the worker's transport credentials.
func (t *TLSFiles) server() (credentials.TransportCredentials, error) {
	cert, ok, err := t.pair()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("cluster: a TLS worker needs both a certificate and a key file")
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	if cfg.ClientCAs, err = t.pool(); err != nil {
		return nil, err
	}
	if cfg.ClientCAs != nil {
		cfg.ClientAuth = tls.RequireAndVerifyClientCert
	}
	return credentials.NewTLS(cfg), nil
}

// client returns the driver's transport credentials.
func (t *TLSFiles) client() (credentials.TransportCredentials, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: t.ServerName}
	var err error
	if cfg.RootCAs, err = t.pool(); err != nil {
		return nil, err
	}
	cert, ok, err := t.pair()
	if err != nil {
		return nil, err
	}
	if ok {
		cfg.Certificates = []tls.Certificate{cert}
	}
	return credentials.NewTLS(cfg), nil
}

// tlsFromEnv returns the TLS material a launcher put in the environment,
// or nil.
func tlsFromEnv() *TLSFiles {
	ca, cert, key := os.Getenv(TLSCAEnv), os.Getenv(TLSCertEnv), os.Getenv(TLSKeyEnv)
	if ca == "" && cert == "" && key == "" {
		return nil
	}
	t := &TLSFiles{}
	for _, v := range []struct {
		s   string
		dst *[]byte
	}{{ca, &t.CAPEM}, {cert, &t.CertPEM}, {key, &t.KeyPEM}} {
		if v.s != "" {
			*v.dst = []byte(v.s)
		}
	}
	return t
}

// TLSFlags are the --tls-ca, --tls-cert, --tls-key and --tls-dir flags of
// every command that serves or dials workers.
type TLSFlags struct{ CA, Cert, Key, Dir string }

// TLS directory file names: --tls-dir DIR stands for --tls-ca DIR/ca.pem
// --tls-cert DIR/cert.pem --tls-key DIR/key.pem (those that exist).
const (
	TLSDirCA   = "ca.pem"
	TLSDirCert = "cert.pem"
	TLSDirKey  = "key.pem"
)

// AddTLSFlags registers the TLS flags on fs; worker says which side's
// help to print.
func AddTLSFlags(fs *flag.FlagSet, worker bool) *TLSFlags {
	f := &TLSFlags{}
	if worker {
		fs.StringVar(&f.CA, "tls-ca", "", "CA (`PEM` file) that drivers' client certificates must chain to (mutual TLS)")
		fs.StringVar(&f.Cert, "tls-cert", "", "this worker's TLS certificate (`PEM` file); serves TLS")
		fs.StringVar(&f.Key, "tls-key", "", "the key of --tls-cert (`PEM` file)")
	} else {
		fs.StringVar(&f.CA, "tls-ca", "", "CA (`PEM` file) the workers' certificates must chain to; connects with TLS")
		fs.StringVar(&f.Cert, "tls-cert", "", "client certificate (`PEM` file) for workers that require one")
		fs.StringVar(&f.Key, "tls-key", "", "the key of --tls-cert (`PEM` file)")
	}
	fs.StringVar(&f.Dir, "tls-dir", "", "`DIR` holding "+TLSDirCA+", "+TLSDirCert+" and "+TLSDirKey+" (each used when present; the single --tls-* flags win)")
	return f
}

// Files returns the TLS files the flags name, or nil for no TLS (as for
// nil flags).
func (f *TLSFlags) Files() (*TLSFiles, error) {
	if f == nil {
		return nil, nil
	}
	t := TLSFiles{CA: f.CA, Cert: f.Cert, Key: f.Key}
	if f.Dir != "" {
		found := false
		for _, v := range []struct {
			dst  *string
			name string
		}{{&t.CA, TLSDirCA}, {&t.Cert, TLSDirCert}, {&t.Key, TLSDirKey}} {
			p := filepath.Join(f.Dir, v.name)
			if _, err := os.Stat(p); err == nil {
				found = true
				if *v.dst == "" {
					*v.dst = p
				}
			}
		}
		if !found {
			return nil, fmt.Errorf("--tls-dir %s holds none of %s, %s, %s", f.Dir, TLSDirCA, TLSDirCert, TLSDirKey)
		}
	}
	if t.CA == "" && t.Cert == "" && t.Key == "" {
		return nil, nil
	}
	return &t, nil
}
