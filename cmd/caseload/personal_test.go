package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"caseload/internal/applog"
	"caseload/internal/clock"
	"caseload/tui/common"
)

// The app's settings come from config.toml in XDG_CONFIG_HOME, with the look from the
// environment; a bad file gives the defaults for what it got wrong and one sentence on
// the status line naming the line and the key.
func TestPersonalSettings(t *testing.T) {
	cases := []struct {
		name    string
		file    string // "" for none
		env     map[string]string
		theme   string
		mouse   bool
		minutes int
		warning string
	}{
		{"no file", "", nil, common.ThemeDark, false, 0, ""},
		{"every key", "theme = \"light\"\nmouse = true\nidle-lock-minutes = 5\naccessible = true\n", nil, common.ThemeLight, true, 5, ""},
		{"auto on a light terminal", "theme = \"auto\"\n", map[string]string{"COLORFGBG": "0;15"}, common.ThemeLight, false, 0, ""},
		{"NO_COLOR beats the file", "theme = \"high-contrast\"\n", map[string]string{"NO_COLOR": "1"}, common.ThemeNoColour, false, 0, ""},
		{"a bad value and an unknown key", "theme = \"dark\"\nmouse = \"yes\"\ncolours = 3\n", nil, common.ThemeDark, false, 0,
			`config.toml line 2: mouse takes true or false, not "yes"; it stays off. (1 more in config.toml)`},
		{"not TOML", "theme = \"light\"\nmouse = tru\n", nil, common.ThemeDark, false, 0, "config.toml line 2: "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			env := map[string]string{"XDG_CONFIG_HOME": dir}
			for k, v := range c.env {
				env[k] = v
			}
			if c.file != "" {
				path := filepath.Join(dir, "caseload", "config.toml")
				if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(c.file), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			a := &cli{env: func(k string) string { return env[k] }, clock: clock.Fixed{}}
			com, warning := a.personal(context.Background(), applog.Discard())
			if com.Theme.Name != c.theme || com.Mouse != c.mouse || com.LockMinutes != c.minutes {
				t.Errorf("theme %s, mouse %v, minutes %d", com.Theme.Name, com.Mouse, com.LockMinutes)
			}
			if (c.warning == "") != (warning == "") || !strings.HasPrefix(warning, c.warning) {
				t.Errorf("warning %q, want %q", warning, c.warning)
			}
			if com.ConfigPath != filepath.Join(dir, "caseload", "config.toml") {
				t.Errorf("config path %q", com.ConfigPath)
			}
		})
	}
}
