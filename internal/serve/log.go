package serve

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"gopkg.in/natefinch/lumberjack.v2"
)

// OpenLog is the server's log at path ($XDG_STATE_HOME/caseload/serve.log): one JSON
// object a line, rotated at 10 MB with five old files kept, 0600. It records
// connections, refusals and errors by key fingerprint, clinician id and address, never
// a name, a query or any clinical words: the log lives outside the database, beyond
// the audit's protection.
func OpenLog(path string) (*slog.Logger, io.Closer, error) {
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
