package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// placeNew gives the finished file from the name to and removes from, never over a
// file at to (an error wrapping fs.ErrExist): a hard link fails if to exists, where a
// rename would replace it. A file system without hard links (a USB disk's exFAT) gets a
// check and a rename, which are not one step; across file systems, a copy made with
// O_EXCL and synced.
func placeNew(from, to string) error {
	err := os.Link(from, to)
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s exists: %w", to, fs.ErrExist)
	case err == nil:
		return os.Remove(from)
	}
	if _, serr := os.Lstat(to); serr == nil {
		return fmt.Errorf("%s exists: %w", to, fs.ErrExist)
	}
	err = os.Rename(from, to)
	if errors.Is(err, syscall.EXDEV) {
		if err = copyNew(from, to); err == nil {
			err = os.Remove(from)
		}
	}
	return err
}

// copyNew copies from to a new file to (0600), synced.
func copyNew(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists: %w", to, fs.ErrExist)
	}
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(to)
	}
	return err
}
