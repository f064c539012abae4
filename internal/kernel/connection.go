package kernel

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"strings"
)

// ConnectionInfo is the content of a Jupyter connection file.
type ConnectionInfo struct {
	Transport       string `json:"transport"`
	IP              string `json:"ip"`
	ShellPort       int    `json:"shell_port"`
	IOPubPort       int    `json:"iopub_port"`
	StdinPort       int    `json:"stdin_port"`
	ControlPort     int    `json:"control_port"`
	HBPort          int    `json:"hb_port"`
	Key             string `json:"key"`
	SignatureScheme string `json:"signature_scheme"`
	KernelName      string `json:"kernel_name"`
}

// ReadConnectionFile reads and checks the connection file at path.
func ReadConnectionFile(path string) (ConnectionInfo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return ConnectionInfo{}, fmt.Errorf("read connection file: %w", err)
	}
	return ParseConnectionInfo(data, path)
}

// ParseConnectionInfo decodes and validates a connection file's bytes; name
// (the file's path) appears in errors. Defaults: transport tcp, ip 127.0.0.1,
// signature_scheme hmac-sha256. Only hmac-sha256 is accepted, and a
// non-loopback address is refused without a key.
func ParseConnectionInfo(data []byte, name string) (ConnectionInfo, error) {
	c := ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", SignatureScheme: "hmac-sha256"}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("connection file %s: %w", name, err)
	}
	if c.Transport != "tcp" && c.Transport != "ipc" {
		return c, fmt.Errorf("connection file %s: field \"transport\": %q is not supported; use \"tcp\" or \"ipc\"", name, c.Transport)
	}
	if c.SignatureScheme != "hmac-sha256" {
		return c, fmt.Errorf("connection file %s: field \"signature_scheme\": %q is not supported; use \"hmac-sha256\"", name, c.SignatureScheme)
	}
	ports := []struct {
		field string
		port  int
	}{{"shell_port", c.ShellPort}, {"iopub_port", c.IOPubPort}, {"stdin_port", c.StdinPort}, {"control_port", c.ControlPort}, {"hb_port", c.HBPort}}
	for _, p := range ports {
		if p.port < 0 || p.port > 65535 {
			return c, fmt.Errorf("connection file %s: field %q: %d is not a port number (0-65535)", name, p.field, p.port)
		}
	}
	if c.Transport == "tcp" && c.Key == "" && !isLoopback(c.IP) {
		return c, fmt.Errorf("connection file %s: refusing to listen on %s without a key: set \"key\" or use ip 127.0.0.1", name, c.IP)
	}
	return c, nil
}

// isLoopback reports whether host names the local machine only.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// endpoint returns the ZeroMQ address of one channel, through the
// size-capped transports of framecap.go.
func (c ConnectionInfo) endpoint(port int) string {
	return c.endpointVia(cappedTCP, cappedIPC, port)
}

// endpointVia returns the address of one channel through the given tcp or
// ipc transport scheme.
func (c ConnectionInfo) endpointVia(tcp, ipc string, port int) string {
	if c.Transport == "ipc" {
		return fmt.Sprintf("%s://%s-%d", ipc, c.IP, port)
	}
	return fmt.Sprintf("%s://%s:%d", tcp, c.IP, port)
}
