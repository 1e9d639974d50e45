package main

import (
	"caseload/internal/applog"
	"fmt"
	"path/filepath"
	"time"
)

// stateDir is where caseload keeps its logs (applog.Dir).
func stateDir(env func(string) string) (string, error) { return applog.Dir(env) }

// writeCrashLog appends what stopped the app to caseload.log in the state folder, for
// whoever supports caseload, and returns the file's path. The panic value and the stack
// name code, never a person: screens hold records, but a stack holds only pointers and
// line numbers. The folder is 0700 and the file 0600, like the database.
func writeCrashLog(env func(string) string, at time.Time, value any, stack []byte) (string, error) {
	dir, err := stateDir(env)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "caseload.log")
	log, closer, err := applog.Open(path)
	if err != nil {
		return "", err
	}
	log.Error("panic", "at", at.UTC().Format(time.RFC3339), "value", fmt.Sprint(value), "stack", string(stack))
	return path, closer.Close()
}
