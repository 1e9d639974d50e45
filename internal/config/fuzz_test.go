package config

import "testing"

// FuzzParse: no text panics the parser, every problem is one line naming config.toml,
// and a file read without problems reads the same after caseload rewrites it.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "theme = \"dark\"\n", "mouse = true # x\n[t]\na=1", "idle-lock-minutes = 5", "x = \"\"\"\ntheme = 1\n\"\"\"",
		"theme = '''light'''\n", "\"theme\" = \"dark\"", "mouse.x = 1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		s, problems := Parse(text)
		for _, p := range problems {
			if p.String() == "" {
				t.Fatal("an empty problem")
			}
		}
		if len(problems) > 0 {
			return
		}
		again, problems := Parse(Rewrite(text, s))
		if again != s || len(problems) > 0 {
			t.Fatalf("rewritten %q reads %+v %v, was %+v", Rewrite(text, s), again, problems, s)
		}
	})
}
