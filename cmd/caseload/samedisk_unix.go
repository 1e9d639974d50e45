//go:build unix

package main

import (
	"os"
	"syscall"
)

// sameFileSystem reports whether a and b are on one file system (st_dev), and whether
// it could tell.
func sameFileSystem(a, b string) (same, known bool) {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA != nil || errB != nil {
		return false, false
	}
	sa, okA := fa.Sys().(*syscall.Stat_t)
	sb, okB := fb.Sys().(*syscall.Stat_t)
	if !okA || !okB {
		return false, false
	}
	return sa.Dev == sb.Dev, true
}
