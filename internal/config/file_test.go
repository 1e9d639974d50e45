package config

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRewrite(t *testing.T) {
	cases := []struct {
		name string
		old  string
		s    Settings
		want string
	}{
		{"new file", "", Settings{Theme: "dark", Mouse: true},
			"theme = \"dark\"\nmouse = true\naccessible = false\n"},
		{"comments and unknown lines kept", "# my settings\ntheme = \"auto\" # changes with the terminal\n\nother = 1\n",
			Settings{Theme: "light", IdleLockMinutes: 5},
			"# my settings\ntheme = \"light\" # changes with the terminal\n\nother = 1\nmouse = false\nidle-lock-minutes = 5\naccessible = false\n"},
		{"minutes removed when the service's", "idle-lock-minutes = 5\ntheme = \"dark\"\n", Settings{Theme: "dark"},
			"theme = \"dark\"\nmouse = false\naccessible = false\n"},
		{"new keys before a table", "theme = \"dark\"\n[x]\ny = 1\n", Settings{Theme: "dark", Accessible: true},
			"theme = \"dark\"\nmouse = false\naccessible = true\n[x]\ny = 1\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := string(Rewrite([]byte(c.old), c.s))
			if got != c.want {
				t.Errorf("Rewrite =\n%s\nwant\n%s", got, c.want)
			}
			if again := string(Rewrite([]byte(got), c.s)); again != got {
				t.Errorf("a second Rewrite changed the file:\n%s", again)
			}
		})
	}
}

func TestSaveThenLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "caseload", "config.toml")
	want := Settings{Theme: "high-contrast", Mouse: true, IdleLockMinutes: 10, Accessible: true}
	if err := Save(path, want); err != nil {
		t.Fatal(err)
	}
	got, problems := Load(path)
	if got != want || problems != nil {
		t.Fatalf("Load = %+v, %v; want %+v", got, problems, want)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("config.toml is %v, want 0600", fi.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".config.toml.*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestLoadMissingAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	if s, p := Load(filepath.Join(dir, "none.toml")); s != Defaults() || p != nil {
		t.Errorf("no file: %+v, %v", s, p)
	}
	s, p := Load(dir) // a folder where the file should be
	if s != Defaults() || len(p) != 1 {
		t.Fatalf("a folder: %+v, %v", s, p)
	}
	if got := p[0].String(); got != "config.toml: it cannot be read (is a directory); caseload starts with the default settings" {
		t.Errorf("problem %q", got)
	}
}
