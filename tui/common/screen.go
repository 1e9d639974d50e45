package common

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// Screen is the contract every screen keeps with the root: it updates itself from
// messages, draws itself into the size it was last given, and names its keys for the help
// footer. View returns a string; the root composes the frame.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
	SetSize(width, height int)
	help.KeyMap
	// Title names the screen in the header, e.g. "Referral queue".
	Title() string
	// Capturing reports whether the screen is taking text input, so the root leaves
	// printable keys such as q and ? to it.
	Capturing() bool
}
