package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/filter"
	"caseload/tui/component/list"
)

// helpView is the `?` help: the keys live on the screen on top, one a line in the
// groups the screen gives, scrolled with the movement keys of every list and narrowed
// with `/` as lists are (tui/component/filter), so it reads at 40 columns as at 200.
type helpView struct {
	filter filter.Model
	keys   filter.KeyMap
	nav    list.Nav
	offset int
}

func newHelpView() helpView {
	return helpView{filter: filter.New("filter the keys"), keys: filter.DefaultKeyMap(), nav: list.DefaultNav()}
}

// maxHelpKey is the widest the key column grows, so a long key never pushes what it
// does off a narrow window.
const maxHelpKey = 16

// liveKeys is the bindings of groups that do something now: a disabled binding, or one
// with no key, is not listed (help lists only what works on that screen).
func liveKeys(groups [][]key.Binding) [][]key.Binding {
	out := make([][]key.Binding, 0, len(groups))
	for _, g := range groups {
		var live []key.Binding
		for _, b := range g {
			if b.Enabled() && b.Help().Key != "" {
				live = append(live, b)
			}
		}
		if len(live) > 0 {
			out = append(out, live)
		}
	}
	return out
}

// helpLines is the help's lines: each live key and what it does, a blank line between
// groups, only those matching query when there is one.
func helpLines(groups [][]key.Binding, query string, width int) []string {
	groups = liveKeys(groups)
	kw := 0
	for _, g := range groups {
		for _, b := range g {
			kw = max(kw, ansi.StringWidth(b.Help().Key))
		}
	}
	kw = min(kw, maxHelpKey)
	var lines []string
	for _, g := range groups {
		shown := filter.Match(len(g), query, func(i int) (string, bool) {
			return domain.FoldForSearch(g[i].Help().Key + " " + g[i].Help().Desc), true
		})
		if len(shown) == 0 {
			continue
		}
		if len(lines) > 0 && query == "" {
			lines = append(lines, "")
		}
		for _, i := range shown {
			lines = append(lines, common.Fit("  "+common.Fit(g[i].Help().Key, kw)+"  "+g[i].Help().Desc, width))
		}
	}
	return lines
}

// openHelp shows the help from its top, unfiltered.
func (a *App) openHelp() {
	a.showHelp = true
	a.helpv = newHelpView()
}

// helpKey is a key while the help is shown: the filter's first, then close, then scroll.
func (a *App) helpKey(msg tea.KeyPressMsg) {
	h := &a.helpv
	changed, handled, _ := h.filter.Update(msg, h.keys, h.nav)
	if handled {
		if changed {
			h.offset = 0
		}
		return
	}
	if key.Matches(msg, a.keys.Help, a.keys.CloseHelp) {
		a.showHelp = false
		return
	}
	w, hgt := a.contentSize()
	n := len(helpLines(a.fullHelp(), h.filter.Value(), w))
	h.offset, _ = h.nav.Scroll(msg, h.offset, n, a.helpRoom(hgt, n))
}

// helpRoom is how many lines of keys fit in h: less the filter line when it shows and
// the line that says where the reader is when they do not all fit.
func (a *App) helpRoom(h, n int) int {
	if a.helpv.filter.Shown() {
		h--
	}
	if n > h {
		h--
	}
	return max(h, 1)
}

// helpBody draws the help in w×h.
func (a *App) helpBody(w, h int) string {
	hv := &a.helpv
	lines := helpLines(a.fullHelp(), hv.filter.Value(), w)
	room := a.helpRoom(h, len(lines))
	hv.offset = min(hv.offset, max(len(lines)-room, 0))
	end := min(hv.offset+room, len(lines))
	out := append([]string(nil), lines[hv.offset:end]...)
	if len(lines) == 0 {
		out = append(out, a.com.Theme.Muted.Render("  no key matches"))
	}
	for len(out) < room {
		out = append(out, "")
	}
	if len(lines) > room {
		where := fmt.Sprintf("  %d–%d of %d · ↑/↓ pgup/pgdn scroll", hv.offset+1, end, len(lines))
		out = append(out, a.com.Theme.Muted.Render(common.Fit(where, w)))
	}
	if hv.filter.Shown() {
		out = append(out, hv.filter.View(a.com.Theme, countKeys(lines), a.liveCount(), w))
	}
	return strings.Join(out, "\n")
}

// countKeys is how many of lines are keys (not the blank lines between groups).
func countKeys(lines []string) int {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

func (a *App) liveCount() int {
	n := 0
	for _, g := range liveKeys(a.fullHelp()) {
		n += len(g)
	}
	return n
}

// helpShortHelp is the footer while the help is shown.
func (a *App) helpShortHelp() []key.Binding {
	h := &a.helpv
	if h.filter.Active() {
		return h.keys.Typing()
	}
	return []key.Binding{h.filter.Esc(h.keys, a.keys.CloseHelp), h.nav.Down, h.keys.Filter, a.keys.ForceQuit}
}
