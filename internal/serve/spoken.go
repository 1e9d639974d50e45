package serve

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"caseload/tui"
	"caseload/tui/spoken"
)

// spokenSession is a session whose client's terminal is dumb (TERM=dumb): the app in
// the accessible mode (docs/ACCESSIBILITY.md), speaking to the session instead of
// drawing, and the program's options for it. The client's ssh puts its own terminal in
// raw mode and the server's terminal is emulated, so keys arrive raw and a line ends
// "\r\n". The filter is wish's (a suspend, which would stop the server, answered as a
// resume) and the mode's (no terminal queries), in one: a program has one filter.
func spokenSession(sess ssh.Session, pty ssh.Pty, app *tui.App) (tea.Model, []tea.ProgramOption) {
	opts := append(spoken.Options(pty.Window.Width, pty.Window.Height), tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
		if _, ok := msg.(tea.SuspendMsg); ok {
			return tea.ResumeMsg{}
		}
		return spoken.Quiet(msg)
	}))
	return spoken.New(app, sess, "\r\n"), opts
}
