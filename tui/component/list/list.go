// Package list is the table with virtual rows that the list screens share: columns laid
// out to the terminal's width, a cursor over the rows that pass the screen's filter,
// and only the rows that fit drawn, the selected one marked "› " so selection is not
// colour alone. What the rows are, how they are filtered and which keys move the
// cursor stay with each screen.
package list

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
)

const (
	// Marker is the room before each row for "› ", the selection marker.
	Marker = 2
	// Gap is the space between columns.
	Gap = 1
)

// Column is one column of a list: its id, its heading, its width once laid out, and
// how willingly it gives way when the terminal is narrow (lower drops first).
type Column struct {
	ID      string
	Heading string
	Width   int
	Keep    int // priority: the higher, the longer it stays
	// Want is the width its longest value takes (0: Width is all it needs). A column
	// grows towards it from Width when the terminal has room, so a clock or a name is
	// never cut with "…" while there is space (docs/RULES.md, "Columns").
	Want int
}

// Spec is what Layout needs to lay a list's columns out.
type Spec struct {
	// Name is the flexible first column: it takes whatever room is left, and gives way
	// last, since it is how the right row is picked. Its Width is ignored.
	Name Column
	// NameWant is the width the name should keep; columns are dropped until it has it.
	NameWant int
	// Fixed are the other columns, in reading order.
	Fixed []Column
	// MinKept is how many of the most needed fixed columns stay however narrow the
	// terminal, even when the name gets less than NameWant.
	MinKept int
	// NameMax is the width of the longest name (0: not measured). The name stops
	// growing there, and the room left over stays blank at the right.
	NameMax int
}

// Layout chooses the columns that fit width and their widths: the name first, then the
// fixed columns that fit in reading order, the least needed dropped first. It runs on
// resize, not on every frame.
func Layout(width int, s Spec) []Column {
	fixed := append([]Column(nil), s.Fixed...)
	want := s.NameWant
	if s.NameMax > 0 {
		want = min(want, max(s.NameMax, ansi.StringWidth(s.Name.Heading)))
	}
	for len(fixed) > s.MinKept {
		used := Marker + want
		for _, c := range fixed {
			used += Gap + c.Width
		}
		if used <= width {
			break
		}
		drop := 0
		for i, c := range fixed {
			if c.Keep < fixed[drop].Keep {
				drop = i
			}
		}
		fixed = append(fixed[:drop], fixed[drop+1:]...)
	}
	room := width - Marker
	for _, c := range fixed {
		room -= Gap + c.Width
	}
	// The name first, up to its longest: it is how the right row is picked. Then the
	// columns cut short, and what is left to the name when its longest is not known.
	n := s.Name
	n.Width = max(min(room, want), 1)
	if s.NameMax > 0 {
		n.Width = max(min(room, max(s.NameMax, ansi.StringWidth(n.Heading))), n.Width)
	}
	if spare := room - n.Width - grow(fixed, room-n.Width); spare > 0 && s.NameMax == 0 {
		n.Width += spare
	}
	return append([]Column{n}, fixed...)
}

// grow shares spare columns out to the fixed columns whose values are wider than their
// Width, the most needed first, each up to its Want, and returns how many it gave.
func grow(fixed []Column, spare int) (gave int) {
	if spare <= 0 {
		return 0 // no room to give: a column is never made narrower here
	}
	order := make([]int, len(fixed))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return fixed[b].Keep - fixed[a].Keep })
	for _, i := range order {
		more := min(max(fixed[i].Want-fixed[i].Width, 0), spare-gave)
		fixed[i].Width += more
		gave += more
	}
	return gave
}

// Headings is the column headings, unstyled, clipped to width.
func Headings(cols []Column, width int) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", Marker))
	for i, c := range cols {
		if i > 0 {
			b.WriteString(strings.Repeat(" ", Gap))
		}
		b.WriteString(common.Fit(c.Heading, c.Width))
	}
	return common.Clip(b.String(), width)
}

// Row draws one row clipped to width. cell gives a column's text and the style that
// marks it, or nil; the selected row is drawn in sel instead, without the cells' own
// styles, since inside a reversed selection a cell's colour would end the reverse.
func Row(cols []Column, width int, selected bool, sel lipgloss.Style, cell func(id string) (string, *lipgloss.Style)) string {
	var b strings.Builder
	if selected {
		b.WriteString("› ")
	} else {
		b.WriteString("  ")
	}
	for i, c := range cols {
		if i > 0 {
			b.WriteString(strings.Repeat(" ", Gap))
		}
		text, style := cell(c.ID)
		text = common.Fit(text, c.Width)
		if !selected && style != nil {
			text = style.Render(text)
		}
		b.WriteString(text)
	}
	line := common.Clip(b.String(), width)
	if selected {
		return sel.Render(line)
	}
	return line
}

// Window is the cursor over the shown rows and the first of them on screen. Both index
// the screen's slice of shown rows (indexes into its own rows), not the rows.
type Window struct {
	Cursor int // index into shown
	Offset int // first shown row on screen
}

// Clamp keeps the cursor on one of n shown rows and that row among the h on screen.
func (w *Window) Clamp(n, h int) {
	w.Cursor = min(max(w.Cursor, 0), max(n-1, 0))
	if h <= 0 {
		w.Offset = w.Cursor
		return
	}
	if w.Cursor < w.Offset {
		w.Offset = w.Cursor
	}
	if w.Cursor >= w.Offset+h {
		w.Offset = w.Cursor - h + 1
	}
	w.Offset = min(max(w.Offset, 0), max(n-h, 0))
}

// Move moves the cursor by d over n shown rows, h of them on screen.
func (w *Window) Move(d, n, h int) {
	w.Cursor += d
	w.Clamp(n, h)
}

// Selected is the row under the cursor, an index into the screen's rows, and false when
// no row shows.
func (w *Window) Selected(shown []int) (int, bool) {
	if w.Cursor < 0 || w.Cursor >= len(shown) {
		return 0, false
	}
	return shown[w.Cursor], true
}

// Select puts the cursor on the first shown row that is, or on the top row when none
// is, h rows on screen.
func (w *Window) Select(shown []int, h int, is func(row int) bool) {
	w.Cursor = 0
	for i, ri := range shown {
		if is(ri) {
			w.Cursor = i
			break
		}
	}
	w.Clamp(len(shown), h)
}

// Visible yields the shown rows on screen, h of them at most: each as an index into the
// screen's rows, and whether it is under the cursor.
func (w *Window) Visible(shown []int, h int) iter.Seq2[int, bool] {
	return func(yield func(int, bool) bool) {
		for i := w.Offset; i < len(shown) && i < w.Offset+h; i++ {
			if !yield(shown[i], i == w.Cursor) {
				return
			}
		}
	}
}

// PageSize is how far page up and down move with h rows on screen: a page less one, so
// a row stays in sight.
func PageSize(h int) int { return max(h-1, 1) }

// FilterLine is the filter at the foot of a list, with how many of total rows match.
// While the filter is typed it shows the input; after, the query in muted text.
func FilterLine(t *common.Theme, f *textinput.Model, filtering bool, matched, total, width int) string {
	count := fmt.Sprintf("  %d of %d match", matched, total)
	if !filtering {
		count += " · esc clears"
		return t.Muted.Render(common.Fit("/ "+f.Value()+count, width))
	}
	input := f.View()
	room := width - ansi.StringWidth(count)
	if room < 10 {
		return common.Clip(input, width)
	}
	return common.Fit(input, room) + t.Muted.Render(count)
}
