package form

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// huh moves its focus a message after the key that asks for it: enter in a field returns
// huh's NextField command, and the field changes only when that command's message comes
// back (then, on a group's last field, one more message moves to the next group). Keys
// typed in that gap would land in the field being left. While the form is settling, the
// root holds the keys that follow and hands them over once it is not.

// settleLimit bounds how long keys are held for one move: huh's messages come back
// within milliseconds, so this is only the way out should a move that was expected never
// happen; keys are then handed over where the focus is.
const settleLimit = 300 * time.Millisecond

// settle is a move of the focus under way: from the field focused when the key was
// taken, numbered gen so an expiry outlived by a later move is ignored.
type settle struct {
	on   bool
	from huh.Field
	gen  int
}

// settleExpiredMsg names its form: a timer's message reaches every screen.
type settleExpiredMsg struct {
	form *Model
	gen  int
}

// Settling is true from a key that moves the focus (enter, tab or shift+tab; y or n
// in a confirmation) which the focused field accepted (it answered with a command and
// shows no error) until huh has moved: the focused field or the group changed, the
// form completed, a move between groups was answered (even refused), or settleLimit
// passed. It is true too from the form's completion until the save's Done. A rebuild
// after a refusal and the end of the form clear it.
func (m *Model) Settling() bool { return m.settle.on || m.saving }

// The kinds of huh's own focus messages, known by their type names since huh does not
// export them; TestShiftTabOnALaterGroup and the Settling tests fail if they change.
const (
	nextField = "huh.nextFieldMsg"
	prevField = "huh.prevFieldMsg"
	nextGroup = "huh.nextGroupMsg"
	prevGroup = "huh.prevGroupMsg"
)

// after notes what msg, just handled by huh while before was focused, did to the focus:
// counts the field's place, ends a settle, starts one for an accepted enter or tab, and
// focuses the field again where huh refused to change group and left nothing focused.
func (m *Model) after(msg tea.Msg, before huh.Field, gaveCmd bool) tea.Cmd {
	now := m.form.GetFocusedField()
	kind := fmt.Sprintf("%T", msg)
	if now != before {
		switch kind {
		case nextField, nextGroup:
			m.ordinal++
		case prevField, prevGroup:
			m.ordinal--
		}
	}
	if m.form.State != huh.StateNormal {
		// huh's submit message is on its way; Update's submitMsg takes it from here.
		// Once saved (done), the finished huh form stays completed: nothing to wait for;
		// nor while its confirmation is open, whose keys must not be held.
		m.saving, m.settle.on = m.form.State == huh.StateCompleted && !m.done && m.dialog == nil, false
		return nil
	}
	group := kind == nextGroup || kind == prevGroup
	if m.settle.on && (now != m.settle.from || group) {
		m.settle.on = false
	}
	if group && now == before {
		// huh blurred the field to leave the group, then refused (the group has an
		// error): focus it again, so typing goes on landing in it.
		return now.Focus()
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && gaveCmd && now == before && now.Error() == nil && moves(now, k) {
		m.settle = settle{on: true, from: now, gen: m.settle.gen + 1}
		gen := m.settle.gen
		return tea.Tick(settleLimit, func(time.Time) tea.Msg { return settleExpiredMsg{form: m, gen: gen} })
	}
	return nil
}

// confirmKeys are huh's keys that answer a confirmation and move on (y, n).
var confirmKeys = huh.NewDefaultKeyMap().Confirm

// moves is true for the keys that move the focus from field f: enter, tab and
// shift+tab in every huh field, and y and n in a confirmation.
func moves(f huh.Field, k tea.KeyPressMsg) bool {
	switch k.String() {
	case "enter", "tab", "shift+tab":
		return true
	}
	_, confirm := f.(*huh.Confirm)
	return confirm && key.Matches(k, confirmKeys.Accept, confirmKeys.Reject)
}
