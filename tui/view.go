package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
)

// View composes the frame: title bar, the screen (or full help), status and key help.
func (a *App) View() tea.View {
	v := tea.NewView(a.frame())
	v.AltScreen = true
	v.WindowTitle = "caseload"
	return v
}

func (a *App) frame() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	if a.width < MinWidth || a.height < MinHeight {
		return a.tooSmall()
	}
	t := a.com.Theme
	w, h := a.contentSize()
	var body string
	if a.showHelp {
		body = a.help.FullHelpView(a.fullHelp())
	} else {
		body = a.top().View()
	}
	var b strings.Builder
	b.WriteString(a.titleBar())
	b.WriteByte('\n')
	b.WriteString(fitBlock(body, w, h))
	b.WriteByte('\n')
	switch {
	case a.status.err:
		b.WriteString(t.Error.Render(common.Fit(a.status.text, a.width)))
	case a.status.text != "":
		b.WriteString(t.Info.Render(common.Fit(a.status.text, a.width)))
	default:
		b.WriteString(strings.Repeat(" ", a.width))
	}
	b.WriteByte('\n')
	b.WriteString(common.Clip(a.help.ShortHelpView(a.shortHelp()), a.width))
	return b.String()
}

func (a *App) titleBar() string {
	t := a.com.Theme
	left := t.Title.Render("caseload") + t.Muted.Render(" · ") + a.top().Title()
	right := t.Muted.Render(a.now.In(a.com.London).Format("Mon 2 Jan 15:04"))
	gap := a.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return common.Fit(left, a.width)
	}
	return left + strings.Repeat(" ", gap) + right
}

func (a *App) tooSmall() string {
	msg := fmt.Sprintf("Make the window larger: caseload needs %d×%d, this is %d×%d.", MinWidth, MinHeight, a.width, a.height)
	lines := common.Wrap(msg, a.width)
	return fitBlock(strings.Join(lines, "\n"), a.width, a.height)
}

func (a *App) shortHelp() []key.Binding {
	if a.showHelp {
		return []key.Binding{a.keys.CloseHelp, a.keys.ForceQuit}
	}
	out := a.top().ShortHelp()
	if !a.top().Capturing() {
		out = append(out, a.keys.Help)
		if len(a.stack) == 1 {
			out = append(out, a.keys.Quit)
		}
	}
	return out
}

func (a *App) fullHelp() [][]key.Binding {
	global := []key.Binding{a.keys.Help, a.keys.Search, a.keys.ForceQuit}
	if len(a.stack) == 1 {
		global = append(global, a.keys.Quit)
	}
	return append(a.top().FullHelp(), global)
}

// fitBlock makes s exactly h lines of exactly w cells, so the status and help lines
// always sit at the bottom and nothing a screen draws can spill past the window.
func fitBlock(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = common.Fit(l, w)
	}
	return strings.Join(lines, "\n")
}
