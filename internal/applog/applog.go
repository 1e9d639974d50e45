// Package applog is caseload's one log writer: the app's caseload.log and the server's
// serve.log, in the state folder ($XDG_STATE_HOME/caseload, else
// ~/.local/state/caseload). One JSON object a line, rotated at 10 MB with five old files
// kept, 0600 in a 0700 folder. It records errors by kind, slow operations by name and
// duration, connections by key fingerprint, clinician id and address, and faults by
// code: never a name, a note, an NHS number, a query or any clinical words. The log
// lives outside the database, beyond the audit's protection (docs/HAZARDS.md, H29).
package applog

import (
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"gopkg.in/natefinch/lumberjack.v2"
)

// SlowAfter is how long a load or save may take before the log names it: a screen
// that answers later than this feels stuck.
const SlowAfter = 200 * time.Millisecond

// Open opens the log at path, making its folder 0700 and the file 0600.
func Open(path string) (*slog.Logger, io.Closer, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, nil, err
	}
	// lumberjack creates the file 0600 (it keeps the mode of an existing one); make
	// sure of it before the first line.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, err
	}
	_ = f.Close()
	w := &lumberjack.Logger{Filename: path, MaxSize: 10, MaxBackups: 5, Compress: true}
	return slog.New(slog.NewJSONHandler(w, nil)), w, nil
}

// Dir is caseload's state folder, where its logs are kept: $XDG_STATE_HOME/caseload,
// else ~/.local/state/caseload. A relative XDG_STATE_HOME is ignored, as the XDG spec
// says.
func Dir(env func(string) string) (string, error) {
	if d := env("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "caseload"), nil
	}
	home := env("HOME")
	if home == "" {
		home = env("USERPROFILE")
	}
	if home == "" {
		return "", errors.New("HOME is not set")
	}
	return filepath.Join(home, ".local", "state", "caseload"), nil
}

// Discard is a logger that writes nothing, for when no log could be opened.
func Discard() *slog.Logger { return slog.New(slog.DiscardHandler) }
