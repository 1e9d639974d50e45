package common

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// Screen is the contract every screen keeps with the root: it updates itself from
// messages, draws itself into the size it was last given, and names its keys for the help
// footer. View returns a string; the root composes the frame.
//
// A screen's commands are its own: the root delivers each command's result only to the
// screen that returned it, so two screens of one kind on the stack (two forms, two
// editors) never act on each other's messages. Only the messages named in this package
// as broadcast (TickMsg, DataChangedMsg, ReferralChangedMsg, CaseChangedMsg) reach
// every screen.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
	SetSize(width, height int)
	help.KeyMap
	// Title names the screen in the header, e.g. "Referral queue".
	Title() string
	// Capturing reports whether the screen is taking text input, so the root leaves
	// printable keys such as q and ? to it, and global keys such as ctrl+f wait until
	// the form is finished or left.
	Capturing() bool
}

// Flusher is a screen that holds typing not yet saved (an editor's draft). Flush
// returns the command that saves it now, whatever the autosave timer says, returning
// FlushedMsg; nil when nothing is pending. The root runs every screen's Flush before the
// app exits (q, ctrl+c, SIGTERM, SIGHUP, a crash), and the command must work when run
// directly, outside the program loop, since after a crash there is none.
type Flusher interface {
	Flush() tea.Cmd
}

// Settler is a screen whose answer to a key arrives as a later message (a form moving
// to its next field, a screen still loading what it shows). While Settling reports true,
// the root holds the keys that follow and hands them over, in order, once it is false,
// so keys typed faster than the screen updates land where the person meant.
type Settler interface {
	Settling() bool
}
