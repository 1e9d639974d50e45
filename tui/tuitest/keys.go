package tuitest

import (
	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// Key builds the key press a terminal would send for a name such as "j", "G", "enter",
// "shift+tab" or "ctrl+c" (common.Press, which the command palette types with).
func Key(name string) tea.KeyPressMsg { return common.Press(name) }
