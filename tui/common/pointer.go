package common

// PointerMsg is the mouse as a screen sees it, when the person has turned the mouse on
// (Common.Mouse; off by default, since taking the mouse stops the terminal's own
// copying of text). The root turns the terminal's mouse events into these for the
// screen on top (tui/mouse.go): X and Y are cells from the top left of the screen's
// body, below the title bar; a press outside the body never reaches a screen.
type PointerMsg struct {
	Kind PointerKind
	X, Y int
}

// PointerKind is what the mouse did.
type PointerKind int

const (
	// Click is the left button pressed: a list puts its cursor on the row, the case
	// view shows the tab clicked.
	Click PointerKind = iota + 1
	// DoubleClick is a second click on the same cell soon after the first (the root
	// decides; a Click always comes first): a list opens the row.
	DoubleClick
	// WheelUp and WheelDown scroll.
	WheelUp
	WheelDown
)
