package main

import (
	"context"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"caseload/tui"
	"caseload/tui/spoken"
)

// program is the app's Bubble Tea program: drawn, or in the accessible mode
// (docs/ACCESSIBILITY.md) spoken: run without the renderer, its root wrapped in the
// driver that writes what changed as sentences. Bubble Tea sets raw mode only for its
// renderer, so here the terminal is put in raw mode by hand (every key, ctrl+c included,
// reaches the app as it does on screen, and nothing typed is echoed); restore puts it
// back, and must run before anything else is printed.
func (a *cli) program(ctx context.Context, app *tui.App, accessible bool) (p *tea.Program, restore func()) {
	restore = func() {}
	if !accessible {
		return tea.NewProgram(app, tea.WithContext(ctx)), restore
	}
	w, h := 0, 0
	if f, ok := a.stdout.(*os.File); ok {
		w, h, _ = term.GetSize(f.Fd())
	}
	newline := "\n"
	if fd := os.Stdin.Fd(); term.IsTerminal(fd) {
		if old, err := term.MakeRaw(fd); err == nil {
			newline, restore = "\r\n", func() { _ = term.Restore(fd, old) }
		}
	}
	opts := append(spoken.Options(w, h), tea.WithContext(ctx))
	return tea.NewProgram(spoken.New(app, a.stdout, newline), opts...), restore
}
