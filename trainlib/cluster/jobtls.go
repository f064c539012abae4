package cluster

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// jobServerName is the name in a per-job certificate: the workers' IP
// addresses are not known when it is made, so the driver checks this name
// (and the per-job CA) instead.
const jobServerName = "gotrain-worker"

// newJobTLS makes a fresh CA for one job and one certificate signed by it,
// for both ends: the workers serve it and require it of their driver, the
// driver presents it and trusts only that CA. The CA's key is discarded,
// so nothing else can ever be signed into the job. The certificate names
// jobServerName and hosts (IP addresses or DNS names). It returns the
// worker's and the driver's material.
func newJobTLS(hosts ...string) (worker, driver *TLSFiles, err error) {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("cluster: make the job's TLS CA: %w", err)
	}
	now := time.Now()
	ca := &x509.Certificate{SerialNumber: serial(), Subject: pkix.Name{CommonName: "gotrain job CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(30 * 24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, nil, fmt.Errorf("cluster: make the job's TLS CA: %w", err)
	}
	if ca, err = x509.ParseCertificate(caDER); err != nil {
		return nil, nil, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("cluster: make the job's TLS key: %w", err)
	}
	leaf := &x509.Certificate{SerialNumber: serial(), Subject: pkix.Name{CommonName: jobServerName},
		DNSNames: []string{jobServerName}, NotBefore: ca.NotBefore, NotAfter: ca.NotAfter,
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			leaf.IPAddresses = append(leaf.IPAddresses, ip)
		} else {
			leaf.DNSNames = append(leaf.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, leaf, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, nil, fmt.Errorf("cluster: make the job's TLS certificate: %w", err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	w := &TLSFiles{
		CAPEM:   pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		CertPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		KeyPEM:  pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}),
	}
	d := *w
	d.ServerName = jobServerName
	return w, &d, nil
}

// WriteTLSDir writes a fresh CA, and a certificate for hosts (IP addresses
// or DNS names; loopback is always included) with its key, signed by it,
// as DIR/ca.pem, DIR/cert.pem and DIR/key.pem: copy the directory to the
// driver and every worker and give each --tls-dir DIR. Connections then
// use mutual TLS: the workers accept only drivers holding the key and the
// driver only workers holding it. It refuses to overwrite.
func WriteTLSDir(dir string, hosts []string) error {
	w, _, err := newJobTLS(append([]string{"127.0.0.1", "::1", "localhost"}, hosts...)...)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cluster: TLS directory: %w", err)
	}
	for _, f := range []struct {
		name string
		b    []byte
	}{{TLSDirCA, w.CAPEM}, {TLSDirCert, w.CertPEM}, {TLSDirKey, w.KeyPEM}} {
		p := filepath.Join(dir, f.name)
		fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return fmt.Errorf("cluster: %w (remove the old TLS files first)", err)
		}
		_, err = fh.Write(f.b)
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("cluster: write %s: %w", p, err)
		}
	}
	return nil
}

// serial is a random certificate serial number.
func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	return n
}
