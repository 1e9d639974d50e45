package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"caseload/tui/common"
)

// restyle redraws the shared theme from the look: in place, so every screen built with
// it draws with the new one from its next frame (docs/CONFIG.md, "theme").
func (a *App) restyle() {
	*a.com.Theme = *a.com.Look.Theme()
	a.brand = brand(a.com.Theme)
	a.help.Styles = a.com.Theme.Help
}

// settingsChanged applies what the Settings screen changed: the theme at once, the
// person's idle lock, and the service's settings read again, since a lead may have
// changed the service's idle lock.
func (a *App) settingsChanged(msg common.SettingsChangedMsg) tea.Cmd {
	if msg.Theme != "" && msg.Theme != a.com.Look.Choice {
		a.com.Look.Choice = msg.Theme
		a.restyle()
	}
	a.com.LockMinutes = msg.LockMinutes // applies at once, with the service's as last read
	return wrap(0, 0, a.readSettings())
}

// Warn puts text on the status line, as an error, before the first key: a config file
// caseload could not read in full says so as the app opens (docs/CONFIG.md).
func (a *App) Warn(text string) { a.status = status{text: text, err: true} }

// colourless is the frame with every colour taken out in the no-colour theme (bold,
// underline, italics and reverse kept, as NO_COLOR's Ascii profile keeps them): the
// parts of huh and bubbles the theme cannot reach (a blurred field's placeholder) must
// not bring colour back.
func (a *App) colourless(frame string) string {
	if a.com.Theme.Name != common.ThemeNoColour {
		return frame
	}
	var b strings.Builder
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.Ascii}
	if _, err := w.WriteString(frame); err != nil {
		return frame
	}
	return b.String()
}
