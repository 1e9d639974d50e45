//go:build !linux

package store

// noRoom is false where caseload cannot ask the disk: an I/O error there is reported
// as one, and a full disk is named only when SQLite itself says SQLITE_FULL.
func noRoom(string) bool { return false }

// writable is true where caseload cannot ask: SQLite's own code then says which.
func writable(string) bool { return true }
