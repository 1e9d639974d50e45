package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// Keys typed faster than the screen updates must land where the person meant: `n` then
// a name opens the form before the name is typed into it; `enter` in a form moves to
// the next field before the next letter arrives. So after a key the root holds the
// keys that follow until the commands that key started have come back (the form was
// pushed, the referral was read), and while the top screen says it is still settling
// (common.Settler), then hands them over in order. Only the key's own commands count,
// and the screens a root message pushed for them; a timer never does, nor does what
// those results start in turn: a confirmation's arming delay exists to drop keys
// already in flight, and must not be waited out and then fed them.

// holdAtMost bounds any hold: a slow read or a screen that never settles delays keys,
// it never swallows them.
const holdAtMost = 400 * time.Millisecond

type keyHold struct {
	// atMost is holdAtMost unless a test of the order keys land in gives a machine
	// loaded by the race detector longer (zero: holdAtMost).
	atMost  time.Duration
	seq     int       // the key whose commands are counted
	pending int       // of those, not yet come back
	expired int       // seq of a hold that ran out of time: settling no longer holds it
	keys    []tea.Msg // key presses and pastes, in the order they came
}

type holdExpiredMsg struct{ seq int }

// holding reports whether a key now would be handled before the last one took effect.
func (a *App) holding() bool {
	if a.hold.pending > 0 {
		return true
	}
	if a.hold.expired == a.hold.seq {
		return false
	}
	s, ok := a.top().(common.Settler)
	return ok && s.Settling()
}

// press handles one key or paste now, and starts a hold on what it caused.
func (a *App) press(msg tea.Msg) tea.Cmd {
	a.hold.seq++
	a.hold.pending = 0
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		cmd = a.key(msg, a.hold.seq)
	case tea.PasteMsg:
		cmd = a.paste(msg, a.hold.seq)
	}
	if cmd != nil && !isTimer(cmd) {
		a.hold.pending = 1
	}
	if !a.holding() {
		return cmd
	}
	seq, atMost := a.hold.seq, a.hold.atMost
	if atMost <= 0 {
		atMost = holdAtMost
	}
	return tea.Batch(cmd, tea.Tick(atMost, func(time.Time) tea.Msg { return holdExpiredMsg{seq: seq} }))
}

// queue keeps a key or paste for later when one is already held or the last has not
// settled.
func (a *App) queue(msg tea.Msg) bool {
	if len(a.hold.keys) == 0 && !a.holding() {
		return false
	}
	a.hold.keys = append(a.hold.keys, msg)
	return true
}

// release hands over held keys, in order, for as long as each settles at once.
func (a *App) release() tea.Cmd {
	var cmds []tea.Cmd
	for len(a.hold.keys) > 0 && !a.holding() {
		k := a.hold.keys[0]
		a.hold.keys = a.hold.keys[1:]
		cmds = append(cmds, a.press(k))
	}
	if len(a.hold.keys) == 0 {
		a.hold.keys = nil
	}
	return tea.Batch(cmds...)
}

// returned counts a command of hold seq that has come back, or expanded into more.
func (a *App) returned(seq, more int) {
	if seq != 0 && seq == a.hold.seq {
		a.hold.pending = max(a.hold.pending+more-1, 0)
	}
}

func (a *App) expire(seq int) {
	if seq == a.hold.seq {
		a.hold.pending, a.hold.expired = 0, seq
	}
}

// counted adds a command to hold seq's count: a screen pushed for the key, whose first
// read the keys after it wait for.
func (a *App) counted(seq int) {
	if seq != 0 && seq == a.hold.seq {
		a.hold.pending++
	}
}

// handOver gives every held key and paste to the screen on top now, without waiting for
// them to settle, as the app stops: an editor takes keys at once, so what was typed
// before ctrl+c or a closed terminal is in the draft that is then saved. What the keys'
// commands would bring back is dropped: nothing will deliver it.
func (a *App) handOver() {
	held := a.hold.keys
	a.hold.keys = nil
	for _, k := range held {
		switch k := k.(type) {
		case tea.KeyPressMsg:
			a.key(k, 0)
		case tea.PasteMsg:
			a.paste(k, 0)
		}
	}
}
