package modules

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
)

// explain turns a failed go command into an error that says which kind of
// failure it is and how to fix it, with go's own message after.
func explain(what string, err error) error {
	if errors.Is(err, ErrNoGo) || errors.Is(err, context.Canceled) {
		return err
	}
	msg := err.Error()
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(msg, s) {
				return true
			}
		}
		return false
	}
	proxy := os.Getenv("GOPROXY")
	if proxy == "" {
		proxy = "https://proxy.golang.org,direct (the default)"
	}
	switch {
	case has("dial tcp", "no such host", "connection refused", "network is unreachable", "i/o timeout", "TLS handshake timeout", "module lookup disabled by GOPROXY=off"):
		return fmt.Errorf("cannot download %s: the module proxy cannot be reached (GOPROXY=%s). Are you offline? Connect, or set GOPROXY (%%env GOPROXY=…) to a proxy you can reach; modules already in the module cache import without the network.\n%s", what, proxy, lastLines(msg, 6))
	case has("SECURITY ERROR", "checksum mismatch", "verifying "):
		return fmt.Errorf("refused %s: its download does not match the checksum database or go.sum, so it was not used. Check GOSUMDB/GONOSUMDB and the go.sum beside the notebook.\n%s", what, lastLines(msg, 6))
	case has("404 Not Found", "410 Gone", "unrecognized import path", "no matching versions", "cannot find module providing package", "does not contain package", "invalid version", "unknown revision", "malformed module path"):
		return fmt.Errorf("%s was not found: no module at the proxy (GOPROXY=%s) provides it at that version. Check the import path and the version (%%get module@version), or GOPROXY/GOPRIVATE for a private module.\n%s", what, proxy, lastLines(msg, 6))
	}
	return fmt.Errorf("cannot resolve %s: %s", what, lastLines(msg, 10))
}
