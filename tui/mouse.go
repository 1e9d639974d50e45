package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// The mouse, when the person turned it on (common.Common.Mouse, from config.toml; off by
// default, since a program that takes the mouse stops the terminal's own selecting and
// copying of text). The root asks the terminal for clicks and the wheel (cell motion,
// never every movement), and hands the screen on top a common.PointerMsg with the
// position inside the screen's body, below the title bar. A click or wheel on the title,
// status or help lines, over the help screen, while the app is locked, or while the last
// key still settles goes nowhere.
//
// Double click: Update reads no clock, so a click is stamped by a command that reads the
// app's clock (as every load does), and the stamped click comes back as clickedMsg. Two
// stamped clicks on the same cell within doubleClick are a double click. The screen is
// told of the first click at once, as a Click; a double click follows as DoubleClick.
// With the fixed clock of the tests, two clicks are always a double click, so tests of
// a single click send one.

// doubleClick is how close in time two clicks on one cell must come to be one double
// click: about what desktops use.
const doubleClick = 400 * time.Millisecond

// clicks is the last click, to tell a double click.
type clicks struct {
	layer  int // the screen clicked on: a click on the screen it opened starts afresh
	x, y   int
	at     time.Time
	double bool // the last click was the second of a double: a third starts afresh
}

// clickedMsg is a left click stamped with the app's clock.
type clickedMsg struct {
	x, y int
	at   time.Time
}

// mouseMode is what View asks of the terminal: clicks and the wheel when the mouse is
// on, nothing otherwise, so text can be selected and copied as usual.
func (a *App) mouseMode() tea.MouseMode {
	if a.com.Mouse {
		return tea.MouseModeCellMotion
	}
	return tea.MouseModeNone
}

// mouse turns the terminal's mouse events into PointerMsgs for the screen on top.
func (a *App) mouse(msg tea.Msg) tea.Cmd {
	// Nothing reaches a screen the person cannot see: under help or the palette, behind
	// the "make the window larger" sentence, or after a fault.
	if !a.com.Mouse || a.showHelp || a.paletteOpen() || a.crash != nil || a.width < MinWidth || a.height < MinHeight ||
		!a.pressed(msg) || a.holding() {
		return nil
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			return a.point(common.WheelUp, msg.X, msg.Y)
		case tea.MouseWheelDown:
			return a.point(common.WheelDown, msg.X, msg.Y)
		}
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return nil
		}
		clk, x, y := a.com.Clock, msg.X, msg.Y
		return func() tea.Msg { return clickedMsg{x: x, y: y, at: clk.Now()} }
	case clickedMsg:
		on := a.stack[len(a.stack)-1].id
		double := a.clicks.layer == on && a.clicks.isDouble(msg)
		a.clicks = clicks{layer: on, x: msg.x, y: msg.y, at: msg.at, double: double}
		cmd := a.point(common.Click, msg.x, msg.y)
		if double {
			return tea.Batch(cmd, a.point(common.DoubleClick, msg.x, msg.y))
		}
		return cmd
	}
	return nil
}

// isDouble says whether click c is the second of a double click after the last one:
// on the same cell, soon enough after it, and not itself after a double click.
func (last clicks) isDouble(c clickedMsg) bool {
	gap := c.at.Sub(last.at)
	return !last.at.IsZero() && !last.double && c.x == last.x && c.y == last.y && gap >= 0 && gap <= doubleClick
}

// point hands the screen on top what the mouse did at the terminal's cell x, y, when
// that cell is in the screen's body.
func (a *App) point(kind common.PointerKind, x, y int) tea.Cmd {
	w, h := a.contentSize()
	y-- // the title bar
	if x < 0 || x >= w || y < 0 || y >= h {
		return nil
	}
	return a.deliver(a.stack[len(a.stack)-1].id, common.PointerMsg{Kind: kind, X: x, Y: y})
}
