package common

import (
	"strconv"
	"strings"
)

// Look is how the person asked the app to look and what the terminal says of itself,
// from which the theme is chosen (docs/CONFIG.md, "theme"): Choice is the setting
// (auto, dark, light, high-contrast, no-colour); NoColour is NO_COLOR set (any value
// but empty), which wins over any choice; Dark is the best guess at the background
// until the terminal answers: COLORFGBG if it says, else dark.
type Look struct {
	Choice   string
	NoColour bool
	Dark     bool
}

// LookFrom is the look for a choice in the environment env (the local one, or the SSH
// client's in team mode, never the server's).
func LookFrom(choice string, env func(string) string) Look {
	dark, known := DarkFromCOLORFGBG(env("COLORFGBG"))
	return Look{Choice: choice, NoColour: env("NO_COLOR") != "", Dark: dark || !known}
}

// Theme is the theme to draw.
func (l Look) Theme() *Theme {
	switch {
	case l.NoColour || l.Choice == ThemeNoColour:
		return NoColour(l.Dark)
	case l.Choice == ThemeHighContrast:
		return HighContrast(l.Dark)
	case l.Choice == ThemeLight:
		return NewTheme(false)
	case l.Choice == ThemeDark:
		return NewTheme(true)
	}
	return NewTheme(l.Dark) // auto
}

// Answered is the look once the terminal has said whether its background is dark: the
// answer beats COLORFGBG's guess. It matters to auto and to high-contrast (black or
// white text), and to nothing the person chose outright.
func (l Look) Answered(dark bool) Look {
	l.Dark = dark
	return l
}

// DarkFromCOLORFGBG reads the COLORFGBG variable some terminals set ("15;0": light text
// on a dark background; "0;15" dark on light; rxvt's "15;default;0" has the background
// last): known is false when it says nothing readable. The colours 0 to 6 and 8 are
// dark backgrounds, 7 and 9 to 15 light, as rxvt and vim read them.
func DarkFromCOLORFGBG(v string) (dark, known bool) {
	if v == "" {
		return false, false
	}
	parts := strings.Split(v, ";")
	bg, err := strconv.Atoi(parts[len(parts)-1])
	if err != nil || bg < 0 || bg > 15 {
		return false, false
	}
	return bg <= 6 || bg == 8, true
}
