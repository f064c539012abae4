package executor

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// DefaultMemoryShare is the share of the machine's memory (or of the
// cgroup's limit, when lower) a kernel's cells may use unless configured.
const DefaultMemoryShare = 0.5

// MinMemoryLimit is the smallest cap accepted: an executor with the
// interpreter and the compiled packages loaded is about 300 MiB resident.
const MinMemoryLimit = 768 << 20

// DefaultMemoryLimit is DefaultMemoryShare of the memory available to
// this process, or 0 (no cap) when that is unknown.
func DefaultMemoryLimit() int64 {
	total := physicalMemory()
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && (total == 0 || n < total) {
			total = n
		}
	}
	return int64(float64(total) * DefaultMemoryShare)
}

// physicalMemory is MemTotal from /proc/meminfo, 0 if unknown.
func physicalMemory() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// ParseMemoryLimit reads a memory cap: bytes with an optional binary
// unit ("1GiB", "8G", "1073741824"), a percentage of the machine's memory
// ("40%"), or "off" / "0" for no cap. Caps under MinMemoryLimit are
// refused: the executor could not even start.
func ParseMemoryLimit(s string) (int64, error) {
	n, err := parseMemoryLimit(s)
	if err == nil && n > 0 && n < MinMemoryLimit {
		return 0, fmt.Errorf("memory limit %q is under the %s the kernel's cell process needs to start; give at least that, or off", s, formatBytes(MinMemoryLimit))
	}
	return n, err
}

func parseMemoryLimit(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "off" || s == "0" {
		return 0, nil
	}
	if p, ok := strings.CutSuffix(s, "%"); ok {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil || f <= 0 || f > 100 {
			return 0, fmt.Errorf("memory limit %q: a percentage must be in (0, 100]", s)
		}
		total := physicalMemory()
		if total == 0 {
			return 0, fmt.Errorf("memory limit %q: this machine's memory is unknown; give bytes, e.g. 8GiB", s)
		}
		return int64(float64(total) * f / 100), nil
	}
	num := strings.TrimRight(s, "KMGTiBkb")
	unit := strings.ToUpper(strings.TrimSuffix(strings.TrimSuffix(s[len(num):], "B"), "i"))
	shift := map[string]uint{"": 0, "K": 10, "M": 20, "G": 30, "T": 40}
	sh, ok := shift[unit]
	n, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if !ok || err != nil || n < 0 {
		return 0, fmt.Errorf("memory limit %q: want bytes with an optional unit (512MiB, 8GiB), a percentage (40%%) or off", s)
	}
	return int64(n * float64(uint64(1)<<sh)), nil
}

// formatBytes writes n in the largest binary unit that keeps it ≥ 1.
func formatBytes(n int64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	f, i := float64(n), 0
	for f >= 1024 && i < len(units)-1 {
		f /= 1024
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%.1f %s", f, units[i])
}
