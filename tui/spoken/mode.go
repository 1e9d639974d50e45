package spoken

import tea "charm.land/bubbletea/v2"

// Wanted reports whether the app runs in the accessible mode: asked for with
// --accessible or the setting, or a terminal that says it is dumb (TERM=dumb: Emacs's
// shell, a braille display's console, a screen reader's plain-text set-up), which could
// not show a drawn frame anyway.
func Wanted(flag, setting bool, term string) bool {
	return flag || setting || term == "dumb"
}

// Greeting is the first thing said: what the mode is and the two keys that help.
const Greeting = "caseload, accessible mode. After each key you hear what changed. Question mark lists the keys of the screen you are on; q on Today, or control c anywhere, quits."

// The size the screens lay themselves out at: nothing is drawn, but a page (pgdown) is
// a window's height, and below the app's minimum it would take no keys at all.
const (
	minWidth, minHeight = 80, 24
)

// Options are the program's options in the accessible mode: no renderer (no alternate
// screen, nothing redrawn), and a size the screens can lay out at, the terminal's own
// when it is at least minWidth by minHeight. Raw mode is the caller's to set: without
// its renderer Bubble Tea leaves the terminal as it found it.
func Options(width, height int) []tea.ProgramOption {
	return []tea.ProgramOption{tea.WithoutRenderer(), tea.WithWindowSize(max(width, minWidth), max(height, minHeight)),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg { return Quiet(msg) })}
}

// queries are the messages that make Bubble Tea ask the terminal something by writing
// an escape sequence (the background colour the root asks for as it starts): in the
// accessible mode they would reach the screen reader, or a dumb terminal's page, as
// noise.
var queries = []tea.Msg{tea.RequestBackgroundColor(), tea.RequestForegroundColor(), tea.RequestCursorColor(),
	tea.RequestCursorPosition(), tea.RequestTerminalVersion(), tea.RequestProgramStatusSupport()}

// Quiet is msg, or nil for a query of the terminal or raw output, which the accessible
// mode's program drops (its filter, Options).
func Quiet(msg tea.Msg) tea.Msg {
	if _, raw := msg.(tea.RawMsg); raw {
		return nil
	}
	for _, q := range queries {
		if msg == q {
			return nil
		}
	}
	return msg
}
