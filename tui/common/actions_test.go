package common

import "testing"

// The palette runs an action by pressing its binding's first key: the press must be
// the key the binding names, or key.Matches would not match it. Every kind of key the
// keymaps use is here.
func TestPressIsTheKeyNamed(t *testing.T) {
	for _, name := range []string{
		"j", "G", "?", "/", ":", "[", "]", "1", "8", "enter", "esc", "tab", "shift+tab",
		"space", "backspace", "up", "down", "left", "right", "home", "end", "pgup", "pgdown",
		"delete", "ctrl+c", "ctrl+k", "ctrl+g", "ctrl+s", "ctrl+u", "ctrl+d", "alt+d",
	} {
		if got := Press(name).String(); got != name {
			t.Errorf("Press(%q).String() = %q", name, got)
		}
	}
	if got := Press("").String(); got == "enter" || got == "q" {
		t.Errorf("an empty name pressed %q", got)
	}
}
