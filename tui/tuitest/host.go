package tuitest

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/tui/common"
	"github.com/charmbracelet/x/ansi"
)

// Host stands in for the root when one screen is tested alone: it sizes the screen,
// routes messages to it, and keeps the messages meant for the root (to open another
// screen, to go back, an error) in Sent instead of acting on them. Seen keeps every
// message it was given, in order, so a test can see what the screen told the others.
type Host struct {
	Screen common.Screen
	Sent   []tea.Msg
	Seen   []tea.Msg
}

// Open drives screen, hosted alone, at w×h.
func Open(t testing.TB, screen common.Screen, w, h int) (*Driver, *Host) {
	t.Helper()
	hst := &Host{Screen: screen}
	return New(t, hst, w, h), hst
}

// Session is the session a screen under test is given: me signed in, on the OS account
// "test", with the clock stopped at now.
func Session(now time.Time, me domain.Clinician) common.Common {
	return common.NewCommon(context.Background(), clock.Fixed(now), "os:test").AsClinician(me)
}

// Init starts the screen.
func (h *Host) Init() tea.Cmd { return h.Screen.Init() }

// Update sizes, keeps or routes a message.
func (h *Host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	h.Seen = append(h.Seen, msg)
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

// WantTold fails unless each of msgs reached the host, in this order (others may come
// between them).
func (h *Host) WantTold(t testing.TB, msgs ...tea.Msg) {
	t.Helper()
	i := 0
	for _, m := range h.Seen {
		if i < len(msgs) && m == msgs[i] {
			i++
		}
	}
	if i < len(msgs) {
		t.Errorf("the screen did not send %#v (in order %v)", msgs[i], msgs)
	}
}

// Sends is the message the screen's command for the key named gives, run but not
// delivered, so a test reads what the screen asks of the root without the root acting
// on it. It fails, showing the screen, when the key gives no command.
func (h *Host) Sends(t testing.TB, key string) tea.Msg {
	t.Helper()
	_, cmd := h.Screen.Update(Key(key))
	if cmd == nil {
		t.Fatalf("%s gave no command:\n%s", key, ansi.Strip(h.Screen.View()))
	}
	return cmd()
}
