package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Explainer is a screen that can say why one of its keys does nothing right now (a
// binding it has disabled), so the command palette shows the key dimmed with the
// reason beside it, as lazygit does, rather than hiding it or letting it fail quietly.
// An empty answer leaves the palette's general sentence.
type Explainer interface {
	WhyNot(key.Binding) string
}

// Live is b, disabled when e says it does nothing now: one place where a screen's help
// and the palette learn that a key is not live.
func Live(e Explainer, b key.Binding) key.Binding {
	if e.WhyNot(b) != "" {
		b.SetEnabled(false)
	}
	return b
}

// pressed names the keys that are not a letter, as key.Binding and tea.Key spell them.
var pressed = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
	"backspace": tea.KeyBackspace, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft,
	"right": tea.KeyRight, "home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp,
	"pgdown": tea.KeyPgDown, "delete": tea.KeyDelete,
}

// Press builds the key press a terminal sends for a key named as a key.Binding names it
// ("j", "G", "enter", "shift+tab", "ctrl+g"), so the palette can run a screen's action
// exactly as if it were typed: its String() is the name again.
func Press(name string) tea.KeyPressMsg {
	var mod tea.KeyMod
	for {
		switch {
		case strings.HasPrefix(name, "ctrl+"):
			mod |= tea.ModCtrl
			name = strings.TrimPrefix(name, "ctrl+")
			continue
		case strings.HasPrefix(name, "alt+"):
			mod |= tea.ModAlt
			name = strings.TrimPrefix(name, "alt+")
			continue
		case strings.HasPrefix(name, "shift+"):
			mod |= tea.ModShift
			name = strings.TrimPrefix(name, "shift+")
			continue
		}
		break
	}
	if code, ok := pressed[name]; ok {
		k := tea.KeyPressMsg{Code: code, Mod: mod}
		if code == tea.KeySpace && mod == 0 {
			k.Text = " "
		}
		return k
	}
	r := []rune(name)
	if len(r) == 0 {
		return tea.KeyPressMsg{}
	}
	if mod != 0 {
		return tea.KeyPressMsg{Code: r[0], Mod: mod}
	}
	return tea.KeyPressMsg{Code: r[0], Text: name}
}
