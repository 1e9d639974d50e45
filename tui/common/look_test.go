package common

import "testing"

func TestDarkFromCOLORFGBG(t *testing.T) {
	cases := []struct {
		v           string
		dark, known bool
	}{
		{"", false, false},
		{"15;0", true, true},  // light text on black
		{"0;15", false, true}, // black text on white
		{"7;8", true, true},
		{"0;7", false, true},
		{"15;default;0", true, true}, // rxvt
		{"default;default", false, false},
		{"15;16", false, false},
		{"nonsense", false, false},
	}
	for _, c := range cases {
		t.Run(c.v, func(t *testing.T) {
			if dark, known := DarkFromCOLORFGBG(c.v); dark != c.dark || known != c.known {
				t.Errorf("DarkFromCOLORFGBG(%q) = %v, %v; want %v, %v", c.v, dark, known, c.dark, c.known)
			}
		})
	}
}

// auto picks by the terminal's answer, then COLORFGBG, then dark; NO_COLOR (any value
// but empty) wins over every choice; high-contrast follows the background.
func TestLookTheme(t *testing.T) {
	cases := []struct {
		name   string
		choice string
		env    map[string]string
		answer *bool // the terminal's answer, if any
		want   string
		dark   bool
	}{
		{"auto, nothing known: dark", "auto", nil, nil, ThemeDark, true},
		{"auto, COLORFGBG light", "auto", map[string]string{"COLORFGBG": "0;15"}, nil, ThemeLight, false},
		{"auto, COLORFGBG dark", "auto", map[string]string{"COLORFGBG": "15;0"}, nil, ThemeDark, true},
		{"auto, the answer beats COLORFGBG", "auto", map[string]string{"COLORFGBG": "0;15"}, ptr(true), ThemeDark, true},
		{"auto, answered light", "auto", nil, ptr(false), ThemeLight, false},
		{"light chosen on a dark terminal", "light", nil, ptr(true), ThemeLight, false},
		{"dark chosen on a light terminal", "dark", map[string]string{"COLORFGBG": "0;15"}, nil, ThemeDark, true},
		{"high-contrast on light", "high-contrast", map[string]string{"COLORFGBG": "0;15"}, nil, ThemeHighContrast, false},
		{"high-contrast on dark", "high-contrast", nil, ptr(true), ThemeHighContrast, true},
		{"no-colour chosen", "no-colour", nil, nil, ThemeNoColour, true},
		{"NO_COLOR beats a choice", "high-contrast", map[string]string{"NO_COLOR": "1"}, nil, ThemeNoColour, true},
		{"NO_COLOR empty is not set", "dark", map[string]string{"NO_COLOR": ""}, nil, ThemeDark, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := LookFrom(c.choice, func(k string) string { return c.env[k] })
			if c.answer != nil {
				l = l.Answered(*c.answer)
			}
			th := l.Theme()
			if th.Name != c.want || th.Dark != c.dark {
				t.Errorf("theme %s (dark %v), want %s (dark %v)", th.Name, th.Dark, c.want, c.dark)
			}
		})
	}
}

func ptr(b bool) *bool { return &b }
