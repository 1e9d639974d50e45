//go:build linux

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// SQLite's unix locking takes byte-range locks at fixed offsets of the database file
// (os_unix.c): readers hold a read lock on the 510 bytes from sharedFirst, which is
// its SHARED lock, and EXCLUSIVE is a write lock on the same bytes.
const (
	pendingByte = 0x40000000
	sharedFirst = pendingByte + 2
	sharedSize  = 510
)

// trySharedLock takes a read lock on SQLite's SHARED bytes of path as an open file
// description (OFD) lock, and reports false (with a nil error) while another connection
// holds EXCLUSIVE. An OFD lock belongs to this file descriptor alone: unlike a POSIX
// record lock it survives another descriptor of the same file being closed in this
// process (SQLite closes its own as the check ends), and releasing it never releases a
// lock SQLite holds for another connection in this process. It conflicts with SQLite's
// POSIX locks from any process, which is the point: nobody can take EXCLUSIVE, so
// nobody can checkpoint on close or delete the -wal, while it is held.
//
// errNoSharedLock means the kernel or the file system has no OFD locks.
func trySharedLock(path string) (release func(), ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	lk := unix.Flock_t{Type: unix.F_RDLCK, Whence: 0, Start: sharedFirst, Len: sharedSize}
	err = unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &lk)
	switch {
	case err == nil:
		// Closing the descriptor releases the OFD lock with it.
		return func() { _ = f.Close() }, true, nil
	case errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES):
		_ = f.Close()
		return nil, false, nil
	case errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOLCK) || errors.Is(err, unix.EOPNOTSUPP):
		_ = f.Close()
		return nil, false, errNoSharedLock
	}
	_ = f.Close()
	return nil, false, err
}
