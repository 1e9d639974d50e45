package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// The idle lock (docs/RULES.md, "Idle lock"): a session left open on an unattended
// laptop must not show a record to whoever walks past. The timer is the app's own and
// counts only keys and pastes: a terminal's or the SSH library's idle timeout counts
// redraws, and the clock on the title bar redraws every minute. Update reads no clock:
// a key is noted, and the next minute's TickMsg, which carries the time, reads it as
// the time of the last key. So the lock comes between the setting's minutes and one
// more after the last key; the close between CloseAfter and one more.

// CloseAfter is how long without a key the app stays open at all: then it quits, its
// drafts saved, and Closed says why.
const CloseAfter = 60 * time.Minute

// Settings is how the root reads the service's settings (the idle lock's minutes).
type Settings interface {
	Settings(ctx context.Context) ([]domain.Setting, error)
}

// idle is the lock's state.
type idle struct {
	// service is the service's idle-lock-minutes as last read, 0 until read: the lock
	// is worked out from it and the person's own at once (lockAfter), so a change of
	// either never leaves a longer lock in between, and a failed read keeps the last.
	service int
	last    time.Time // the time of the last key, as the tick after it read it
	keyed   bool      // a key since the last tick
	locked  bool
	closed  string // why the app closed itself for want of a key, or ""
}

type settingsMsg struct {
	ss  []domain.Setting
	err error
}

// lockFlushedMsg is the drafts saved as the app locked; Err says which could not be.
type lockFlushedMsg struct{ err error }

// readSettings is the command that reads the idle lock's minutes as the app starts.
func (a *App) readSettings() tea.Cmd {
	ctx, src := a.com.Ctx, a.svc
	return func() tea.Msg {
		ss, err := src.Settings(ctx)
		return settingsMsg{ss: ss, err: err}
	}
}

// settingsRead keeps the service's minutes; a failed read keeps the last ones read (the
// default before the first), never a longer lock.
func (a *App) settingsRead(msg settingsMsg) {
	if msg.err == nil {
		a.idle.service = domain.IdleLockMinutes(msg.ss)
	}
}

// lockAfter is the shorter of the service's idle lock, as last read (the default until
// then), and the person's own.
func (a *App) lockAfter() time.Duration {
	service := a.idle.service
	if service <= 0 {
		service = domain.IdleLockMinutes(nil)
	}
	return time.Duration(domain.LockMinutes(service, a.com.LockMinutes)) * time.Minute
}

// pressed notes a key or paste. While locked it reports whether the app takes it: only
// enter, which unlocks; anything else does nothing and does not count as a key.
func (a *App) pressed(msg tea.Msg) bool {
	if !a.idle.locked {
		a.idle.keyed = true
		return true
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, a.keys.Unlock) {
		a.idle.locked, a.idle.keyed = false, true
	}
	return false
}

// idleTick is the minute's tick as the lock reads it: it locks the app, or closes it.
func (a *App) idleTick(now time.Time) tea.Cmd {
	if a.com.Me.ID == 0 {
		return nil // no one is signed in: nothing is on screen to hide, nothing to close
	}
	if a.idle.keyed || a.idle.last.IsZero() {
		a.idle.last, a.idle.keyed = now, false
	}
	quiet := now.Sub(a.idle.last)
	switch {
	case quiet >= CloseAfter:
		a.idle.closed = fmt.Sprintf("caseload closed after %d minutes without a key: your drafts are saved", int(CloseAfter/time.Minute))
		return tea.Quit
	case quiet >= a.lockAfter() && !a.idle.locked:
		return a.lock()
	}
	return nil
}

// lock hides the frame and saves every draft on the stack, as the app does when it
// stops (FlushDrafts), but through commands: Update does no I/O.
func (a *App) lock() tea.Cmd {
	a.idle.locked = true
	var cmds []tea.Cmd
	for _, f := range a.flushers() {
		save := f.Flush()
		if save == nil {
			continue
		}
		cmds = append(cmds, func() tea.Msg { return lockFlushedMsg{err: runFlush(save)} })
	}
	return wrap(0, 0, tea.Batch(cmds...))
}

// lockFlushed says, once the app is unlocked, that a draft could not be saved.
func (a *App) lockFlushed(msg lockFlushedMsg) {
	if msg.err != nil {
		a.status = errorStatus(fmt.Errorf("a draft could not be saved as caseload locked: %w", msg.err))
	}
}

// Locked reports whether the app is locked for want of a key.
func (a *App) Locked() bool { return a.idle.locked }

// Closed is why the app closed itself for want of a key, or "".
func (a *App) Closed() string { return a.idle.closed }

// lockFrame is the whole frame while locked: the one sentence, and nothing of a record.
func (a *App) lockFrame() string {
	msg := "Locked. Press enter to continue as " + a.com.Me.Name
	lines := common.Wrap(msg, max(a.width-4, 1))
	top := max((a.height-len(lines))/2, 0)
	out := make([]string, top, a.height)
	for _, l := range lines {
		out = append(out, "  "+a.com.Theme.Title.Render(l))
	}
	return fitBlock(strings.Join(out, "\n"), a.width, a.height)
}
