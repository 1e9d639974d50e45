package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Load reads the config file at path. No file is the defaults and no problem; a file
// that cannot be read is the defaults and that one problem.
func Load(path string) (Settings, []Problem) {
	text, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Defaults(), nil
	case err != nil:
		return Defaults(), []Problem{{Text: "it cannot be read (" + plain(err) + "); caseload starts with the default settings"}}
	}
	return Parse(text)
}

// plain is an error from the file system without the path, which the sentence names.
func plain(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Save writes s to path, keeping the file's comments and any line it does not set: each
// key's line is rewritten in place (its comment after the value kept), a key the file
// did not have is added at the end. It writes a temporary file beside it and renames it
// over, so a crash leaves the old file or the new, never half of one. The folder is
// made 0700 and the file is 0600: it says how this person works, nobody else's
// business.
func Save(path string, s Settings) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("the settings could not be saved: %s", plain(err))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("the settings could not be saved: %s", plain(err))
	}
	text := Rewrite(old, s)
	tmp, err := os.CreateTemp(filepath.Dir(path), ".config.toml.*")
	if err != nil {
		return fmt.Errorf("the settings could not be saved: %s", plain(err))
	}
	defer os.Remove(tmp.Name()) // gone after the rename; left only by a failure
	_, werr := tmp.Write(text)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		return fmt.Errorf("the settings could not be saved: %s", plain(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("the settings could not be saved: %s", plain(err))
	}
	return nil
}

// values are s's settings as TOML values, by key.
func (s Settings) values() map[string]string {
	return map[string]string{
		"theme":             strconv.Quote(s.Theme),
		"mouse":             strconv.FormatBool(s.Mouse),
		"idle-lock-minutes": strconv.Itoa(s.IdleLockMinutes),
		"accessible":        strconv.FormatBool(s.Accessible),
	}
}

// trailing is a value's comment after it: a # not inside a basic string. Values caseload
// writes never hold a #, so the simple split is enough for the lines it rewrites.
var trailing = regexp.MustCompile(`\s+#.*$`)

// Rewrite is the config file's text with s's values: the keys' lines rewritten in place,
// everything else as it was. idle-lock-minutes 0 (the service's) is left out or removed.
func Rewrite(old []byte, s Settings) []byte {
	vals := s.values()
	done := map[string]bool{}
	lines := strings.Split(string(old), "\n")
	if len(old) == 0 {
		lines = nil
	}
	var out []string
	top := true
	for _, l := range lines {
		if tableLine.MatchString(l) {
			top = false
		}
		m := keyLine.FindStringSubmatch(l)
		name := ""
		if m != nil {
			name = m[1] + m[2] + m[3]
		}
		v, known := vals[name]
		if !top || m == nil || !known || done[name] {
			out = append(out, l)
			continue
		}
		done[name] = true
		if name == "idle-lock-minutes" && s.IdleLockMinutes == 0 {
			continue
		}
		out = append(out, name+" = "+v+trailing.FindString(l))
	}
	var add []string
	for _, k := range keys {
		if done[k] || (k == "idle-lock-minutes" && s.IdleLockMinutes == 0) {
			continue
		}
		add = append(add, k+" = "+vals[k])
	}
	if len(add) > 0 {
		// A key added after a table would belong to it: new keys go before the first.
		at := len(out)
		for i, l := range out {
			if tableLine.MatchString(l) {
				at = i
				break
			}
		}
		for at > 0 && at == len(out) && out[at-1] == "" {
			at-- // before the file's final newline
		}
		out = append(out[:at], append(add, out[at:]...)...)
	}
	text := strings.Join(out, "\n")
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return []byte(text)
}
