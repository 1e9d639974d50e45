//go:build linux

package store

import (
	"os"
	"path/filepath"
	"syscall"
)

// headroom is how close to full counts as full: a write needs at most a page (64 KiB
// at most in SQLite) or a 32 KiB -shm region more than there is.
const headroom = 1 << 20

// noRoom reports whether a write beside path just failed for want of room: the file
// system holding it has (almost) no space left for us, or this process runs under a
// file-size limit (RLIMIT_FSIZE, ulimit -f) that the database or one of its files has
// reached.
func noRoom(path string) bool {
	var fs syscall.Statfs_t
	if syscall.Statfs(filepath.Dir(path), &fs) == nil && fs.Bavail*uint64(fs.Bsize) < headroom {
		return true
	}
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim) != nil || lim.Cur == ^uint64(0) {
		return false
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if fi, err := os.Stat(p); err == nil && uint64(fi.Size())+1<<16 >= lim.Cur {
			return true
		}
	}
	return false
}

// writable reports whether this process may create files in dir.
func writable(dir string) bool { return syscall.Access(dir, 2 /* W_OK */) == nil }
