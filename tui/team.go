package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// In team mode (caseload serve) one process runs every clinician's session on one
// store. SQLite's data_version does not move for the process's own commits, and
// polling it once a second in fifty programs is fifty readers on one connection: so
// the server watches once and tells each program, with ChangedMsg, the moment someone
// commits. It also closes a session for a reason the program cannot see for itself
// (the server stopping, the key revoked) with StopMsg.

// ChangedMsg is the server's word that a change was committed: every screen reloads
// what it shows, keeping its cursor and filter, exactly as for another process's change.
type ChangedMsg struct{}

// StopMsg closes the session: the app quits, and Reason is what the server says to the
// clinician once their drafts are saved; Why is the same as a code for the audit and
// the log ("stopping", "key revoked", "deactivated", "access changed").
type StopMsg struct{ Reason, Why string }

// InTeam makes the app a session of caseload serve: it does not watch the file itself
// (the server sends ChangedMsg), and it can be stopped with StopMsg.
func (a *App) InTeam() { a.watchEvery = 0 }

// TickEvery makes the clock tick every d instead of each minute, before Init: for a
// server under test whose clock runs fast.
func (a *App) TickEvery(d time.Duration) { a.tickEvery = d }

// Stopped is why the server closed the session, or the zero StopMsg.
func (a *App) Stopped() StopMsg { return a.stopped }

// team handles the server's messages.
func (a *App) team(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case ChangedMsg:
		// The service's settings are read again: a lead may have shortened the lock.
		return tea.Batch(wrap(0, 0, a.readSettings()), a.broadcast(common.DataChangedMsg{}))
	case StopMsg:
		a.stopped = msg
		return tea.Quit
	}
	return nil
}
