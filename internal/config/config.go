// Package config reads and writes the person's own settings, config.toml in their config
// folder ($XDG_CONFIG_HOME/caseload, else ~/.config/caseload): how the app looks and
// behaves for them on their terminal. The service's settings (the caseload cap, the
// measures' time points, the idle lock) are the team's and live in the database; a
// person's idle-lock minutes can only shorten the service's (docs/RULES.md, "Idle
// lock"). docs/CONFIG.md documents every key.
package config

import (
	"errors"
	"path/filepath"

	"caseload/internal/domain"
)

// The themes a person can choose (docs/CONFIG.md, "theme").
const (
	ThemeAuto         = "auto"
	ThemeDark         = "dark"
	ThemeLight        = "light"
	ThemeHighContrast = "high-contrast"
	ThemeNoColour     = "no-colour"
)

// Themes are the values theme takes, the default first.
var Themes = []string{ThemeAuto, ThemeDark, ThemeLight, ThemeHighContrast, ThemeNoColour}

// MaxIdleLockMinutes is the longest idle lock a person may ask for; the service's own
// (at most 30 minutes) applies whenever it is shorter.
const MaxIdleLockMinutes = 60

// Settings are the person's settings. IdleLockMinutes 0 means "the service's".
type Settings struct {
	Theme           string `toml:"theme"`
	Mouse           bool   `toml:"mouse"`
	IdleLockMinutes int    `toml:"idle-lock-minutes"`
	Accessible      bool   `toml:"accessible"`
}

// Defaults are the settings of a person with no config file.
func Defaults() Settings { return Settings{Theme: ThemeAuto} }

// LockMinutes is the idle lock that applies: the person's minutes when they are shorter
// than the service's, else the service's. A person may shorten the team's lock, never
// lengthen it (docs/HAZARDS.md, H28).
func (s Settings) LockMinutes(service int) int { return domain.LockMinutes(service, s.IdleLockMinutes) }

// Path is the config file: $XDG_CONFIG_HOME/caseload/config.toml, else
// ~/.config/caseload/config.toml. A relative XDG_CONFIG_HOME is ignored, as the XDG
// spec says.
func Path(env func(string) string) (string, error) {
	if d := env("XDG_CONFIG_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "caseload", "config.toml"), nil
	}
	home := env("HOME")
	if home == "" {
		home = env("USERPROFILE") // Windows
	}
	if home == "" {
		return "", errors.New("cannot tell where your config folder is (HOME is not set)")
	}
	return filepath.Join(home, ".config", "caseload", "config.toml"), nil
}
