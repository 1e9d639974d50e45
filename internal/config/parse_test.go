package config

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		name string
		text string
		want Settings
		// problems are the sentences expected, in order.
		problems []string
	}{
		{"empty", "", Defaults(), nil},
		{"every key", "theme = \"light\"\nmouse = true\nidle-lock-minutes = 5\naccessible = true\n",
			Settings{Theme: "light", Mouse: true, IdleLockMinutes: 5, Accessible: true}, nil},
		{"comments kept out", "# mine\ntheme = \"high-contrast\" # for the projector\n", Settings{Theme: "high-contrast"}, nil},
		{"no colour", "theme = 'no-colour'", Settings{Theme: "no-colour"}, nil},
		{"a theme it does not take", "mouse = true\ntheme = \"blue\"\n", Settings{Theme: "auto", Mouse: true},
			[]string{`config.toml line 2: theme takes auto, dark, light, high-contrast, no-colour, not "blue"; the default, auto, is used`}},
		{"mouse as a word", "\n\nmouse = \"yes\"\ntheme = \"dark\"", Settings{Theme: "dark"},
			[]string{`config.toml line 3: mouse takes true or false, not "yes"; it stays off`}},
		{"accessible as a number", "accessible = 1", Defaults(),
			[]string{`config.toml line 1: accessible takes true or false, not 1; it stays off`}},
		{"minutes zero", "idle-lock-minutes = 0", Defaults(),
			[]string{`config.toml line 1: idle-lock-minutes takes a whole number of minutes from 1 to 60, not 0; the service's lock applies`}},
		{"minutes too many", "idle-lock-minutes = 90", Defaults(),
			[]string{`config.toml line 1: idle-lock-minutes takes a whole number of minutes from 1 to 60, not 90; the service's lock applies`}},
		{"minutes as a fraction", "idle-lock-minutes = 2.5", Defaults(),
			[]string{`config.toml line 1: idle-lock-minutes takes a whole number of minutes from 1 to 60, not 2.5; the service's lock applies`}},
		{"an unknown key", "theme = \"dark\"\ncolour = \"red\"\n", Settings{Theme: "dark"},
			[]string{`config.toml line 2: "colour" is not a setting caseload knows, so it is ignored (the settings are theme, mouse, idle-lock-minutes, accessible)`}},
		{"an unknown table", "mouse = true\n\n[keys]\nquit = \"x\"\n", Settings{Theme: "auto", Mouse: true},
			[]string{`config.toml line 3: "keys" is not a setting caseload knows, so it is ignored (the settings are theme, mouse, idle-lock-minutes, accessible)`}},
		{"not TOML", "theme = \"dark\"\nmouse = tru\n", Defaults(), []string{"config.toml line 2: "}},
		{"unclosed string", "theme = \"dark\n", Defaults(), []string{"config.toml line 1: "}},
		{"a key twice", "mouse = true\nmouse = false\n", Defaults(), []string{"config.toml line 2: "}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, problems := Parse([]byte(c.text))
			if got != c.want {
				t.Errorf("settings %+v, want %+v", got, c.want)
			}
			if len(problems) != len(c.problems) {
				t.Fatalf("problems %v, want %v", problems, c.problems)
			}
			for i, p := range problems {
				if !strings.HasPrefix(p.String(), c.problems[i]) {
					t.Errorf("problem %q, want %q", p, c.problems[i])
				}
				if strings.Contains(p.String(), "\n") {
					t.Errorf("problem %q is more than one line", p)
				}
			}
		})
	}
}

// A file TOML cannot read names the key before the fault and says the defaults apply.
func TestParseSyntaxNamesKey(t *testing.T) {
	_, problems := Parse([]byte("theme = \"dark\"\nmouse = tru\n"))
	if len(problems) != 1 {
		t.Fatalf("problems %v", problems)
	}
	p := problems[0].String()
	for _, want := range []string{"line 2", `"mouse"`, "caseload starts with the default settings"} {
		if !strings.Contains(p, want) {
			t.Errorf("%q does not say %q", p, want)
		}
	}
}

func TestLockMinutes(t *testing.T) {
	cases := []struct {
		name           string
		person, servic int
		want           int
	}{
		{"not set: the service's", 0, 15, 15},
		{"shorter: the person's", 5, 15, 5},
		{"longer: the service's, never weakened", 30, 15, 15},
		{"equal", 15, 15, 15},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := (Settings{IdleLockMinutes: c.person}).LockMinutes(c.servic); got != c.want {
				t.Errorf("LockMinutes = %d, want %d", got, c.want)
			}
		})
	}
}

func TestPath(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"XDG", map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/h"}, "/x/caseload/config.toml"},
		{"relative XDG ignored", map[string]string{"XDG_CONFIG_HOME": "x", "HOME": "/h"}, "/h/.config/caseload/config.toml"},
		{"home", map[string]string{"HOME": "/h"}, "/h/.config/caseload/config.toml"},
		{"nothing", map[string]string{}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Path(func(k string) string { return c.env[k] })
			if got != c.want || (err != nil) != (c.want == "") {
				t.Errorf("Path = %q, %v; want %q", got, err, c.want)
			}
		})
	}
}
