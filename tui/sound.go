package tui

import tea "charm.land/bubbletea/v2"

// soundMsg is the verdict of the full check of the file's pages, which the store runs in
// the background once it has opened, so that the first frame does not wait for a check
// that grows with the file (docs/HAZARDS.md, H31).
type soundMsg struct{ err error }

// readSound waits, off the UI goroutine, for that verdict.
func (a *App) readSound() tea.Cmd {
	ctx, w := a.com.Ctx, a.svc
	return func() tea.Msg { return soundMsg{err: w.Sound(ctx)} }
}

// soundRead keeps a damaged file's sentence on the status line for the rest of the
// session. The store refuses every write to the file with the same sentence, so a note
// being typed stays in its editor, where it can still be copied out; what was read
// before the verdict came is only shown, never written back.
func (a *App) soundRead(msg soundMsg) {
	if msg.err == nil || a.com.Ctx.Err() != nil { // sound, or the session is ending
		return
	}
	logged(a.top(), msg.err)
	a.damaged, a.damagedErr = errorStatus(msg.err), msg.err
}

// Damaged is the store's error for a file found damaged during the session, or nil:
// the command says it again as the app closes.
func (a *App) Damaged() error { return a.damagedErr }

// statusLine is what the status line says: a damaged file's sentence above all else.
func (a *App) statusLine() status {
	if a.damaged.text != "" {
		return a.damaged
	}
	return a.status
}
