package tui

import (
	"errors"
	"fmt"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// Crash is a panic the root caught, in Update, View or a command. The app stops as if
// the clinician had quit, so the terminal is restored and every draft is flushed; the
// caller logs Stack and tells the clinician in one sentence.
type Crash struct {
	Value any
	Stack []byte
}

// crashWords is what the frame says, drawn or spoken, once a fault has stopped the app.
const crashWords = "caseload met a fault and is closing; your drafts are being saved."

func newCrash(r any, stack []byte) *Crash { return &Crash{Value: r, Stack: stack} }

// Crash is the panic that stopped the app, or nil.
func (a *App) Crash() *Crash { return a.crash }

// recovered turns a panic in Update into a quit; the stack of screens stays as it was,
// so FlushDrafts still finds every editor's typing.
func (a *App) recovered(cmd *tea.Cmd) {
	if r := recover(); r != nil {
		a.crash = newCrash(r, debug.Stack())
		*cmd = tea.Quit
	}
}

// FlushDrafts saves every draft still being typed, top screen first, by running each
// Flusher's command directly: it is called once the program has stopped (after q,
// ctrl+c, SIGTERM, SIGHUP or a crash), when no message loop is left to deliver a
// result. It returns why any could not be saved.
func (a *App) FlushDrafts() error {
	if a.crash == nil {
		a.handOver() // keys typed before SIGTERM or SIGHUP belong in the drafts
	}
	var errs []error
	for _, f := range a.flushers() {
		errs = append(errs, flush(f))
	}
	return errors.Join(errs...)
}

// flushers are the screens on the stack that hold typing, top screen first.
func (a *App) flushers() []common.Flusher {
	var fs []common.Flusher
	for i := len(a.stack) - 1; i >= 0; i-- {
		if f, ok := a.stack[i].s.(common.Flusher); ok {
			fs = append(fs, f)
		}
	}
	return fs
}

// flush asks f for its command and runs it and what it batches, catching a panic in
// either: after a crash, a screen's state may be broken, and one flush failing must not
// lose the rest.
func flush(f common.Flusher) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("a draft could not be saved: %v", r)
		}
	}()
	return runFlush(f.Flush())
}

func runFlush(cmd tea.Cmd) error {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case common.FlushedMsg:
		return msg.Err
	case tea.BatchMsg:
		var errs []error
		for _, c := range msg {
			errs = append(errs, runFlush(c))
		}
		return errors.Join(errs...)
	}
	return nil
}
