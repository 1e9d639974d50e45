// Package textsafe is what every screen that feeds keys or pastes into a bubbles text
// input calls instead of feeding them directly. It does two things the input does not:
//
//   - It keeps the input from crashing. bubbles v2.2.1 textinput's deleteWordForward
//     (alt+d, alt+delete, ctrl+delete) moves the cursor one rune right and then reads
//     the rune under it without checking the end of the value: with the cursor on the
//     last rune ("risk", ←, alt+d) it indexes one past the end and panics. That release
//     is the approved one, so the word deletion is done here for every cursor position.
//   - It gives a paste one rule: a single-line field gets a pasted line break as one
//     space (trailing ones dropped), never as enter, so a paste never submits or moves
//     focus, and nothing pasted is thrown away.
package textsafe

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// Update is in.Update(msg) with the deletion of the word right of the cursor done
// safely, and a paste made one line.
func Update(in textinput.Model, msg tea.Msg) (textinput.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if in.Focused() && key.Matches(msg, in.KeyMap.DeleteWordForward) {
			DeleteWordForward(&in)
			return in, nil
		}
	case tea.PasteMsg:
		msg.Content = OneLine(msg.Content)
		return in.Update(msg)
	}
	return in.Update(msg)
}

// DeleteWordForward deletes from the cursor to the end of the word after it (the
// spaces before that word too), as the input's own alt+d means to, keeping the cursor
// where it was. A masked input loses everything after the cursor, so as not to show
// where its words break, as the input does.
func DeleteWordForward(in *textinput.Model) {
	value := []rune(in.Value())
	pos := in.Position()
	if pos >= len(value) {
		return
	}
	end := WordEnd(value, pos)
	if in.EchoMode != textinput.EchoNormal {
		end = len(value)
	}
	in.SetValue(string(value[:pos]) + string(value[end:]))
	in.SetCursor(pos)
}

// WordEnd is where a word deletion from pos stops, as bubbles means it: past the rune
// at pos, then past any spaces, then past the word's letters, never past the end.
func WordEnd(value []rune, pos int) int {
	i := pos + 1
	for i < len(value) && unicode.IsSpace(value[i]) {
		i++
	}
	for i < len(value) && !unicode.IsSpace(value[i]) {
		i++
	}
	return min(i, len(value))
}

// WordForwardCrashes reports whether bubbles v2.2.1 would panic deleting the word
// right of the cursor at pos in a value n runes long: exactly when the cursor is on the
// last rune. Where the input cannot be reached (huh's Input wraps its own), the caller
// turns the key into delete, which removes that last rune, as the word deletion would.
func WordForwardCrashes(pos, n int) bool { return n > 0 && pos == n-1 }

// OneLine is pasted text as a single-line field takes it: each line break (\r\n, \r
// or \n) becomes one space and those at the end are dropped. Cutting at the first line
// break was the other choice; it would silently drop the rest of what was pasted (the
// second line of an address, a name copied with its line), where a space leaves it all
// on screen to edit.
func OneLine(s string) string {
	s = strings.TrimRight(s, "\r\n")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
}

// Lines is pasted text as a multi-line field takes it: line breaks of any system as
// "\n", so a Windows paste gives no stray carriage returns.
func Lines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
