//go:build !unix

package tui

import "time"

// cpuTime is zero where the process's CPU time is not read: benchmarks leave cpu-ms out.
func cpuTime() time.Duration { return 0 }
