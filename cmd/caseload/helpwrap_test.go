package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// --help at 80 columns, for every command: no line is wider, and no word is split: the
// words are exactly those of the same help unwrapped, in the same order.
func TestHelpWrapsAtWordsAt80(t *testing.T) {
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sc := range c.Commands() {
			if !sc.Hidden && sc.Name() != "help" && sc.Name() != "completion" {
				walk(sc, append(slices.Clone(path), sc.Name()))
			}
		}
	}
	walk((&cli{}).rootCommand(), nil)
	if len(paths) < 20 {
		t.Fatalf("only %d commands found", len(paths))
	}
	for _, path := range paths {
		t.Run(strings.Join(append([]string{"caseload"}, path...), " "), func(t *testing.T) {
			args := append(slices.Clone(path), "--help")
			narrow := must(t, caseload(t, map[string]string{"COLUMNS": "80"}, args...)).stdout
			wide := must(t, caseload(t, map[string]string{"COLUMNS": "100000"}, args...)).stdout
			for i, l := range strings.Split(narrow, "\n") {
				if w := ansi.StringWidth(l); w > 80 {
					t.Errorf("line %d is %d cells: %q", i+1, w, l)
				}
			}
			if n, w := strings.Fields(ansi.Strip(narrow)), strings.Fields(ansi.Strip(wide)); !slices.Equal(n, w) {
				t.Errorf("the words at 80 columns differ from the help unwrapped:\n%s", narrow)
			}
		})
	}
}

func TestWrapLine(t *testing.T) {
	cases := []struct {
		name, line string
		want       []string
	}{
		{"fits", "    init  Create a new database", []string{"    init  Create a new database"}},
		{"a table row", "    clinicians [command]   Add, list, deactivate, bind or unbind the team's clinicians, set their access",
			[]string{"    clinicians [command]", "        Add, list, deactivate, bind or unbind the team's clinicians, set their", "        access"}},
		{"a long word is kept whole", "    " + strings.Repeat("x", 90), []string{"    " + strings.Repeat("x", 90)}},
		{"a code line", "    caseload backup --db FILE --out DIR --recipient AGE_PUBKEY... [command] [--recipients-file FILE]",
			[]string{"    caseload backup --db FILE --out DIR --recipient AGE_PUBKEY... [command]", "      [--recipients-file FILE]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := wrapLine(c.line, 80); !slices.Equal(got, c.want) {
				t.Errorf("wrapLine =\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestWantsHelp(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false}, {[]string{"--help"}, true}, {[]string{"referrals", "list", "-h"}, true}, {[]string{"help", "init"}, true},
		{[]string{"search", "--", "--help"}, false}, {[]string{"verify"}, false},
	} {
		if got := wantsHelp(c.args); got != c.want {
			t.Errorf("wantsHelp(%q) = %v", c.args, got)
		}
	}
}

var versionLine = regexp.MustCompile(`^caseload version \S+ \(commit [0-9a-f]{12}(, with changes not committed)?\)\n$`)
