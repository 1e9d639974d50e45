package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/fang/v2"
)

// The exit codes scripts rely on.
const (
	exitOK    = 0
	exitWrong = 1 // the input or the data was wrong; the message says which
	exitUsage = 2 // the command line was wrong: unknown flag or command, missing argument
)

// usageError marks an error as the command line's fault, for exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usage(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// errReported says the problems have already been printed (an import's bad lines, one
// per line of stderr), so nothing more is said, and the exit code is 1.
var errReported = errors.New("problems reported above")

// exitCode maps what Execute returned to the contract. Cobra returns its own usage errors
// (unknown flag or command, wrong number of arguments) as plain errors before any command
// runs, so an error from before a command started is a usage error; one from a running
// command is about the input or the data unless it says otherwise.
func (a *cli) exitCode(err error) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	case !a.started:
		return exitUsage
	}
	return exitWrong
}

// printError replaces fang's error box: scripts and people both want one plain line on
// stderr, with no styling to strip and no extra lines to skip.
func (a *cli) printError(w io.Writer, _ fang.Styles, err error) {
	if errors.Is(err, errReported) {
		return
	}
	msg := oneLine(err.Error())
	var ue usageError
	if !a.started && !errors.As(err, &ue) {
		// Cobra's own messages ("unknown flag: --x") do not say where to look.
		msg += " (see caseload --help)"
	}
	_, _ = fmt.Fprintln(w, "caseload: "+msg)
}

// oneLine folds cobra's multi-line "unknown command" suggestions into one line.
func oneLine(msg string) string {
	msg, suggestions, found := strings.Cut(msg, "\n\nDid you mean this?\n")
	msg = strings.TrimSpace(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(msg))
	if found {
		msg += "; did you mean " + strings.Join(strings.Fields(suggestions), " or ") + "?"
	}
	return msg
}
