package palette

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
)

// maxWidth is the widest the palette draws: past it, lines are too long to read at a
// glance, so on a wide window it sits in the middle.
const maxWidth = 80

// maxKey is the widest the key column grows; longer keys are cut in the column and
// stay whole in the haystack.
const maxKey = 12

// countRoom is the room kept right of the query for "N of M".
const countRoom = len("  999 of 999")

func (m *Model) boxWidth() int { return min(m.width, maxWidth) }

// rows is how many items fit: the window less the query line, the rule and the foot
// line that says in full why the item under the cursor cannot run.
func (m *Model) rows() int { return max(m.height-3, 1) }

// View draws the palette exactly the size it was given.
func (m *Model) View() string {
	w := m.boxWidth()
	t := m.theme
	lines := make([]string, 0, m.height)
	count := fmt.Sprintf("%*s", countRoom, fmt.Sprintf("%d of %d", len(m.shown), len(m.items)))
	room := w - countRoom
	if room < 12 {
		lines = append(lines, common.Fit(m.input.View(), w))
	} else {
		lines = append(lines, common.Fit(m.input.View(), room)+t.Muted.Render(count))
	}
	lines = append(lines, t.Muted.Render(strings.Repeat("─", w)))
	kw := 0
	for _, i := range m.shown {
		kw = max(kw, ansi.StringWidth(m.items[i].Key))
	}
	kw = min(kw, maxKey)
	for i, sel := range m.win.Visible(m.shown, m.rows()) {
		lines = append(lines, m.line(m.items[i], sel, kw, w))
	}
	if len(m.shown) == 0 {
		lines = append(lines, t.Muted.Render(common.Fit("  nothing matches: backspace widens, esc closes", w)))
	}
	for len(lines) < m.height-1 {
		lines = append(lines, strings.Repeat(" ", w))
	}
	lines = append(lines, m.foot(w))
	// Every line is w cells already: centring pads without measuring them again.
	left := max(m.width-w, 0) / 2
	l, r := strings.Repeat(" ", left), strings.Repeat(" ", max(m.width-w-left, 0))
	for i := range lines {
		lines[i] = l + lines[i] + r
	}
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

// line is one item: the cursor mark, the key, what it does, where its key works when
// not here, and why it cannot run now, in words as well as dimmed.
func (m *Model) line(it Item, selected bool, kw, w int) string {
	mark := "  "
	if selected {
		mark = "› "
	}
	text := mark + common.Fit(it.Key, kw) + "  " + it.Desc
	if it.Hint != "" {
		text += " · " + it.Hint
	}
	if !it.Live() {
		text += " — not now: " + it.Why
	}
	text = common.Fit(text, w)
	switch {
	case selected:
		return m.theme.Selected.Render(text)
	case !it.Live():
		return m.theme.Muted.Render(text)
	}
	return text
}

// foot says in full why the item under the cursor cannot run, since its line may be
// cut on a narrow window.
func (m *Model) foot(w int) string {
	i, ok := m.win.Selected(m.shown)
	if !ok || m.items[i].Live() {
		return strings.Repeat(" ", w)
	}
	return m.theme.Muted.Render(common.Fit("Not now: "+m.items[i].Why, w))
}
