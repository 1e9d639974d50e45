package tui

import (
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/applog"
	"caseload/tui/common"
)

// slowAfter is applog.SlowAfter; the log's own test lowers it so every operation is
// logged.
var slowAfter = applog.SlowAfter

// opLog is the process's log (applog), or nil: one for the process, as the log file
// is, and shared by every session in team mode.
var opLog atomic.Pointer[slog.Logger]

// LogTo makes the app write its errors and slow operations to log (nil: none).
func LogTo(log *slog.Logger) { opLog.Store(log) }

// slow notes a screen's command that took longer than applog.SlowAfter, by the name of
// what it returned (a load's or save's message type, "queue.loadedMsg"): the operation,
// never what it read.
func slow(out tea.Msg, took time.Duration) {
	log := opLog.Load()
	if log == nil || took < slowAfter {
		return
	}
	log.Warn("slow operation", "operation", operation(out), "ms", took.Milliseconds())
}

// logged notes an error the status line showed, by its kind and the screen it came
// from, never its sentence: a refusal's words can name a person.
func logged(on common.Screen, err error) {
	log := opLog.Load()
	if log == nil || err == nil {
		return
	}
	log.Error("error shown", "screen", operation(on), "kind", fmt.Sprintf("%T", err))
}

// operation names a message or screen by its Go type, without the pointer mark.
func operation(v any) string {
	return strings.TrimPrefix(fmt.Sprintf("%T", v), "*")
}
