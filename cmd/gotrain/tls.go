package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/gotrain/gotrain/trainlib/cluster"
)

func init() {
	register(command{name: "tls", summary: "make a CA, certificate and key for TLS between a driver and its workers (--tls-dir)", run: runTLS})
}

// runTLS writes a --tls-dir: see cluster.WriteTLSDir.
func runTLS(_ context.Context, args []string) error {
	fs := flag.NewFlagSet("tls", flag.ContinueOnError)
	const help = `Usage: gotrain tls --out DIR --hosts HOST,…

Writes DIR/ca.pem, DIR/cert.pem and DIR/key.pem: a fresh CA and one
certificate for the workers' hosts. Copy DIR to the driver and every
worker, then give --tls-dir DIR to 'gotrain worker', 'fit' and 'train':
traffic is encrypted and both ends must hold the key.

Examples:
  gotrain tls --out tls --hosts 10.0.0.5,10.0.0.6
  gotrain worker --listen 10.0.0.5:7070 --tls-dir tls
  gotrain train --addresses 10.0.0.5:7070 --tls-dir tls
`
	out := fs.String("out", "", "`DIR` to write (created; existing files are not overwritten) (required)")
	hosts := fs.String("hosts", "", "comma-separated IP addresses or DNS names of the workers (`HOST,…`; loopback is always included)")
	if err := parseFlags(fs, help, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return badUsage(fs, "give --out DIR (and --hosts for workers on other machines)")
	}
	var hs []string
	for _, h := range strings.Split(*hosts, ",") {
		if h = strings.TrimSpace(h); h != "" {
			hs = append(hs, h)
		}
	}
	if err := cluster.WriteTLSDir(*out, hs); err != nil {
		return err
	}
	fmt.Fprintf(os.Stdout, "wrote %s/{%s,%s,%s}: give --tls-dir %s to the workers and the driver\n", *out, cluster.TLSDirCA, cluster.TLSDirCert, cluster.TLSDirKey, *out)
	return nil
}
