package tui

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// The themes' screens, with their escapes written out: Today, the referral queue, the
// new-referral form and Settings, in dark, light, high-contrast and no-colour, drawn
// through a true-colour terminal so the goldens hold the colours each theme sends.
func TestThemeGoldens(t *testing.T) {
	st := testdb.Demo(t, testNow)
	for _, theme := range []string{common.ThemeDark, common.ThemeLight, common.ThemeHighContrast, common.ThemeNoColour} {
		for screen, keys := range map[string]string{"today": "", "queue": "r", "form": "n", "settings": ","} {
			t.Run(theme+"/"+screen, func(t *testing.T) {
				d := tuitest.New(t, themed(t, newApp(t, st), common.Look{Choice: theme, Dark: true}), 80, 24)
				d.Keys(keys)
				out := trueColour(t, d.Model.View().Content)
				tuitest.AssertFits(t, d.Screen(), 80, 24)
				golden.RequireEqual(t, escapes(out))
			})
		}
	}
}

// sgr is one Select Graphic Rendition escape's parameters.
var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// Nothing by colour: the no-colour theme sends no colour at all, even to a terminal
// that has every colour; high-contrast and no-colour draw nothing faint (the footer
// included); and in every theme the row under the cursor, the chosen answer and the
// field in focus each have a mark.
func TestThemesNeedNoColour(t *testing.T) {
	st := testdb.Demo(t, testNow)
	for _, theme := range []string{common.ThemeDark, common.ThemeLight, common.ThemeHighContrast, common.ThemeNoColour} {
		t.Run(theme, func(t *testing.T) {
			for _, keys := range []string{"", "r", "n", ","} {
				d := tuitest.New(t, themed(t, newApp(t, st), common.Look{Choice: theme, Dark: false}), 100, 30)
				d.Keys(keys)
				out := trueColour(t, d.Model.View().Content)
				for _, m := range sgr.FindAllStringSubmatch(out, -1) {
					colour, faint := sgrHas(m[1])
					if theme == common.ThemeNoColour && colour {
						t.Errorf("keys %q: colour %q sent in the no-colour theme", keys, m[0])
					}
					if (theme == common.ThemeNoColour || theme == common.ThemeHighContrast) && faint {
						t.Errorf("keys %q: faint text %q in %s", keys, m[0], theme)
					}
				}
				plain := d.Screen()
				if keys == "n" && !strings.Contains(plain, "┃") {
					t.Errorf("the field in focus has no mark:\n%s", plain)
				}
				if keys == "," && !strings.Contains(plain, "› Theme") {
					t.Errorf("the setting in focus has no mark:\n%s", plain)
				}
				if keys == "r" && !strings.Contains(plain, "›") {
					t.Errorf("the queue's row under the cursor has no mark:\n%s", plain)
				}
			}
		})
	}
}

// sgrHas reads one SGR escape's parameters: whether it sets a colour (30-37, 38, 40-47,
// 48, 90-97, 100-107; 39 and 49, the default colours, are not one) and whether faint (2).
func sgrHas(params string) (colour, faint bool) {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		n, _ := strconv.Atoi(ps[i])
		switch {
		case n == 2:
			faint = true
		case n == 38 || n == 48:
			colour = true
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		case n >= 30 && n <= 37, n >= 40 && n <= 47, n >= 90 && n <= 97, n >= 100 && n <= 107:
			colour = true
		}
	}
	return colour, faint
}

// themed draws app in look's theme, as the cmd does from config.toml.
func themed(t testing.TB, app *App, look common.Look) *App {
	t.Helper()
	app.com.Look = look
	app.restyle()
	return app
}

// trueColour is s as a terminal with every colour receives it.
func trueColour(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.TrueColor}
	if _, err := w.WriteString(s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// escapes writes each line's escapes out, as Go strings do, so the golden file reads.
func escapes(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		q := strconv.Quote(l)
		lines[i] = q[1 : len(q)-1]
	}
	return strings.Join(lines, "\n")
}
