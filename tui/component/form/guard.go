package form

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/tui/component/textsafe"
)

// wordForward is the text input's own key for deleting the word right of the cursor.
var wordForward = textinput.DefaultKeyMap().DeleteWordForward

// guard is what a key becomes before huh sees it; keep is false when it is dropped.
//
//   - shift+tab on the form's first field would blur it and ask huh for the group
//     before, which there is none of; with an error in the group huh refuses, leaving
//     nothing focused and typing going nowhere. There is nowhere to go back to, so the
//     key does nothing.
//   - alt+d (alt+delete, ctrl+delete) in a huh Input with the cursor on the last rune
//     crashes bubbles v2.2.1 (see textsafe); huh gives no access to its input's cursor,
//     so it is found out (cursorOf) and the key becomes delete, which removes that rune
//     as the word deletion would. Where the cursor cannot be found out, the key is
//     dropped.
func (m *Model) guard(k tea.KeyPressMsg) (tea.KeyPressMsg, bool) {
	if m.ordinal == 0 && k.String() == "shift+tab" {
		return k, false
	}
	if _, ok := m.form.GetFocusedField().(*huh.Input); ok && key.Matches(k, wordForward) {
		pos, n, ok := m.cursorOf()
		if !ok {
			return k, false
		}
		if textsafe.WordForwardCrashes(pos, n) {
			return tea.KeyPressMsg{Code: tea.KeyDelete}, true
		}
	}
	return k, true
}

// probe is a rune no one types (Unicode's private use area) that cursorOf inserts and
// at once deletes again.
const probe = '\uE000'

// cursorOf is where the cursor of the focused huh Input is, in runes, and how many
// runes it holds: the probe is typed at the cursor, its place read from the value, and
// backspace takes it out again, leaving the value and the cursor as they were. It is not
// found when the input is full (its character limit refuses the probe).
func (m *Model) cursorOf() (pos, n int, ok bool) {
	f := m.form.GetFocusedField()
	before := []rune(fmt.Sprint(f.GetValue()))
	m.form.Update(tea.KeyPressMsg{Code: probe, Text: string(probe)})
	after := []rune(fmt.Sprint(f.GetValue()))
	if len(after) != len(before)+1 {
		return 0, 0, false
	}
	m.form.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	for pos < len(before) && before[pos] == after[pos] {
		pos++
	}
	return pos, len(before), true
}

// paste is a paste as the focused field takes it: a huh Input is one line (a pasted
// line break is a space and never enter, so a paste never submits or moves on); a Text
// keeps its lines, as "\n".
func (m *Model) paste(p tea.PasteMsg) tea.PasteMsg {
	switch m.form.GetFocusedField().(type) {
	case *huh.Input:
		p.Content = textsafe.OneLine(p.Content)
	case *huh.Text:
		p.Content = textsafe.Lines(p.Content)
	}
	return p
}
