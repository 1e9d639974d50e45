package config

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// A Problem is one thing wrong in the config file, as one sentence that names the line
// and the key: "config.toml line 3: mouse takes true or false, not "yes"; it stays off."
type Problem struct {
	Line int
	Key  string
	Text string
}

func (p Problem) String() string {
	if p.Line == 0 {
		return "config.toml: " + p.Text
	}
	return fmt.Sprintf("config.toml line %d: %s", p.Line, p.Text)
}

// keys are the keys config.toml takes, in the order docs/CONFIG.md lists them.
var keys = []string{"theme", "mouse", "idle-lock-minutes", "accessible"}

// Parse reads a config file's text. A file TOML cannot read gives the defaults and the
// one problem (the line TOML stopped at, and the key before it); a key it does not know,
// or a value a key does not take, is named and left at its default, while the rest of
// the file applies. It never fails otherwise: a person's settings must never stop the
// app from starting.
func Parse(text []byte) (Settings, []Problem) {
	s := Defaults()
	var raw map[string]any
	md, err := toml.Decode(string(text), &raw)
	if err != nil {
		return s, []Problem{syntaxProblem(err)}
	}
	var out []Problem
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue // inside a table, which is itself named below
		}
		name := k[0]
		if p, ok := s.apply(name, raw[name]); !ok {
			p.Line, p.Key = lineOf(text, name), name
			out = append(out, p)
		}
	}
	return s, out
}

// apply sets the key name to v, or says why it cannot.
func (s *Settings) apply(name string, v any) (Problem, bool) {
	switch name {
	case "theme":
		t, ok := v.(string)
		if !ok || !slices.Contains(Themes, t) {
			return Problem{Text: fmt.Sprintf("theme takes %s, not %s; the default, auto, is used", strings.Join(Themes, ", "), shown(v))}, false
		}
		s.Theme = t
	case "mouse", "accessible":
		b, ok := v.(bool)
		if !ok {
			return Problem{Text: fmt.Sprintf("%s takes true or false, not %s; it stays off", name, shown(v))}, false
		}
		if name == "mouse" {
			s.Mouse = b
		} else {
			s.Accessible = b
		}
	case "idle-lock-minutes":
		n, ok := v.(int64)
		if !ok || n < 1 || n > MaxIdleLockMinutes {
			return Problem{Text: fmt.Sprintf("idle-lock-minutes takes a whole number of minutes from 1 to %d, not %s; the service's lock applies",
				MaxIdleLockMinutes, shown(v))}, false
		}
		s.IdleLockMinutes = int(n)
	default:
		return Problem{Text: fmt.Sprintf("%q is not a setting caseload knows, so it is ignored (the settings are %s)",
			name, strings.Join(keys, ", "))}, false
	}
	return Problem{}, true
}

// shown is a value as the file wrote it, or the kind of thing it is.
func shown(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case bool, int64, float64:
		return fmt.Sprint(v)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "a list"
	}
	return "a date"
}

// syntaxProblem is a file TOML could not read, in one sentence.
func syntaxProblem(err error) Problem {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return Problem{Text: "it cannot be read as TOML; caseload starts with the default settings"}
	}
	p := Problem{Line: pe.Position.Line, Key: pe.LastKey}
	msg := strings.TrimSuffix(pe.Message, ".")
	if pe.LastKey != "" {
		p.Text = fmt.Sprintf("after the key %q, %s; caseload starts with the default settings", pe.LastKey, msg)
	} else {
		p.Text = msg + "; caseload starts with the default settings"
	}
	return p
}

// keyLine matches a line that sets a key at the top of the file: bare or quoted.
var keyLine = regexp.MustCompile(`^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[=.]`)

// tableLine matches a table's header, [name] or [[name]].
var tableLine = regexp.MustCompile(`^\s*\[\[?\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))`)

// lineOf is the line (from 1) where the top-level key name is set or its table opens;
// 0 if it cannot be found. BurntSushi/toml keeps where each key is but does not say.
func lineOf(text []byte, name string) int {
	top := true
	for i, l := range strings.Split(string(text), "\n") {
		if m := tableLine.FindStringSubmatch(l); m != nil {
			if m[1]+m[2]+m[3] == name {
				return i + 1
			}
			top = false
			continue
		}
		if m := keyLine.FindStringSubmatch(l); top && m != nil && m[1]+m[2]+m[3] == name {
			return i + 1
		}
	}
	return 0
}
