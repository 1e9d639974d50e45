package tuitest

import (
	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// Host stands in for the root when one screen is tested alone: it sizes the screen,
// routes messages to it, and keeps the messages meant for the root (to open another
// screen, to go back, an error) in Sent instead of acting on them.
type Host struct {
	Screen common.Screen
	Sent   []tea.Msg
}

// Init starts the screen.
func (h *Host) Init() tea.Cmd { return h.Screen.Init() }

// Update sizes, keeps or routes a message.
func (h *Host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		h.Screen.SetSize(m.Width, m.Height)
		return h, nil
	case common.OpenCaseMsg, common.OpenNoteMsg, common.BackMsg, common.ErrorMsg:
		h.Sent = append(h.Sent, msg)
		return h, nil
	}
	var cmd tea.Cmd
	h.Screen, cmd = h.Screen.Update(msg)
	return h, cmd
}

// View draws the screen.
func (h *Host) View() tea.View { return tea.NewView(h.Screen.View()) }
