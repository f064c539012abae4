package cluster

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
)

// RayAuto, as Config.Ray, finds the Ray cluster from the environment; see
// RayAddress for the rule.
const RayAuto = "auto"

// RayDashboardPort is the port of Ray's dashboard, which serves the Jobs
// API, unless RAY_DASHBOARD_PORT says otherwise.
const RayDashboardPort = "8265"

// RayAddress resolves the URL of a Ray cluster's Jobs API (its dashboard)
// from addr, Config.Ray's value:
//
//   - "auto" (or "") means the environment: RAY_ADDRESS when set, otherwise
//     the host in RAY_HEAD_SERVICE_HOST (hosted workspaces such as Domino
//     set it) with the dashboard port: RAY_DASHBOARD_PORT, or 8265.
//     RAY_HEAD_SERVICE_PORT is not used: it is the Ray Client port
//     (10001, for ray.init("ray://…")), which does not serve the Jobs API.
//   - http://host:port or https://host:port is used as it is.
//   - ray://host:port (a Ray Client address) becomes http://host:8265 (or
//     RAY_DASHBOARD_PORT): the dashboard on the same head.
//   - host:port without a scheme means http://host:port, as `ray job
//     submit` reads it.
func RayAddress(addr string) (string, error) {
	addr = strings.TrimSpace(addr)
	if addr == "" || addr == RayAuto {
		addr = strings.TrimSpace(os.Getenv("RAY_ADDRESS"))
		if addr == "" || addr == RayAuto {
			host := strings.TrimSpace(os.Getenv("RAY_HEAD_SERVICE_HOST"))
			if host == "" {
				return "", fmt.Errorf("ray: no cluster address: Ray is %q but neither RAY_ADDRESS nor RAY_HEAD_SERVICE_HOST is set: give the dashboard URL, such as http://head:8265", RayAuto)
			}
			addr = "http://" + net.JoinHostPort(host, dashboardPort())
		}
	}
	if strings.HasPrefix(addr, "ray://") {
		u, err := url.Parse(addr)
		if err != nil || u.Hostname() == "" {
			return "", fmt.Errorf("ray: cluster address %q: not a ray://host:port address", addr)
		}
		addr = "http://" + net.JoinHostPort(u.Hostname(), dashboardPort())
	}
	if !strings.Contains(addr, "://") {
		addr = "http://" + addr
	}
	u, err := url.Parse(addr)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("ray: cluster address %q: give the dashboard URL, such as http://head:8265", addr)
	}
	return strings.TrimRight(addr, "/"), nil
}

// dashboardPort is RAY_DASHBOARD_PORT, or 8265.
func dashboardPort() string {
	if p := strings.TrimSpace(os.Getenv("RAY_DASHBOARD_PORT")); p != "" {
		return p
	}
	return RayDashboardPort
}
