package tui

import (
	"fmt"
	"runtime/debug"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
)

// View composes the frame: title bar, the screen (or full help), status and key help.
// A panic while drawing stops the app as one in Update does.
func (a *App) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			a.crash = newCrash(r, debug.Stack())
			v = tea.NewView(crashWords)
			if a.quit != nil {
				go a.quit()
			}
		}
	}()
	v = tea.NewView(a.colourless(a.frame()))
	v.AltScreen = true
	v.MouseMode = a.mouseMode()
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
	if a.crash != nil {
		return fitBlock(crashWords, a.width, a.height)
	}
	if a.idle.locked {
		return a.lockFrame() // the whole frame: no title naming a record, no status, no help
	}
	t := a.com.Theme
	w, h := a.contentSize()
	var body string
	switch {
	case a.showHelp:
		body = a.helpBody(w, h)
	case a.paletteOpen():
		body = a.palette.View()
	default:
		body = a.top().View()
	}
	var b strings.Builder
	b.WriteString(a.titleBar())
	b.WriteByte('\n')
	b.WriteString(fitBlock(body, w, h))
	b.WriteByte('\n')
	switch st := a.statusLine(); {
	case st.err:
		b.WriteString(t.Error.Render(common.Fit(st.text, a.width)))
	case st.text != "":
		b.WriteString(t.Info.Render(common.Fit(st.text, a.width)))
	default:
		b.WriteString(strings.Repeat(" ", a.width))
	}
	b.WriteByte('\n')
	b.WriteString(common.Clip(a.help.ShortHelpView(a.shortHelp()), a.width))
	return b.String()
}

// titleBar names the screen on the left and, on the right, who is signed in (always:
// everything written or signed carries that name) and the time. When the window is
// narrow the date goes first, then the app's name; the clinician's name goes last.
func (a *App) titleBar() string {
	t := a.com.Theme
	now := a.now.In(a.com.London)
	who := ""
	if a.com.Me.ID != 0 {
		who = a.com.Me.Name + " · "
	}
	screen := a.top().Title()
	named := a.brand + screen // the app's name, styled once: lipgloss renders are the cost here
	tries := []struct{ left, right string }{
		{named, who + now.Format("Mon 2 Jan 15:04")},
		{named, who + now.Format("15:04")},
		{screen, who + now.Format("15:04")},
		{screen, strings.TrimSuffix(who, " · ")},
	}
	for _, try := range tries {
		gap := a.width - ansi.StringWidth(try.left) - ansi.StringWidth(try.right)
		if gap >= 1 {
			return try.left + strings.Repeat(" ", gap) + t.Muted.Render(try.right)
		}
	}
	last := tries[len(tries)-1]
	if last.right == "" {
		return common.Fit(last.left, a.width)
	}
	right := common.Clip(last.right, a.width)
	return common.Fit(last.left, max(a.width-ansi.StringWidth(right)-1, 0)) + " " + t.Muted.Render(right)
}

func (a *App) tooSmall() string {
	msg := fmt.Sprintf("Make the window larger: caseload needs %d×%d, this is %d×%d.", MinWidth, MinHeight, a.width, a.height)
	lines := common.Wrap(msg, a.width)
	return fitBlock(strings.Join(lines, "\n"), a.width, a.height)
}

func (a *App) shortHelp() []key.Binding {
	if a.showHelp {
		return a.helpShortHelp()
	}
	if a.paletteOpen() {
		return a.palette.ShortHelp()
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
	global := []key.Binding{a.keys.Help, a.keys.Palette, a.keys.Search, a.keys.ForceQuit}
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

// brand is the title bar's "caseload · " in theme t.
func brand(t *common.Theme) string { return t.Title.Render("caseload") + t.Muted.Render(" · ") }
