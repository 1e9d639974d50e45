package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocsAreWhole holds the README and docs/ to two things a merge can break without a
// failing build: no conflict markers left in them (HAZARDS.md once carried a pair for
// a whole issue), and every docs/ file the README names is there.
func TestDocsAreWhole(t *testing.T) {
	files, err := filepath.Glob("../../docs/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no docs found (%v)", err)
	}
	files = append(files, "../../README.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, marker := range []string{"<<<<<<< ", ">>>>>>> ", "======="} {
				if strings.HasPrefix(line, marker) && (marker != "=======" || strings.TrimSpace(line) == "=======") {
					t.Errorf("%s:%d: a merge conflict marker: %q", f, i+1, line)
				}
			}
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`docs/[A-Z][A-Za-z0-9_-]*\.md`).FindAllString(string(readme), -1) {
		if _, err := os.Stat("../../" + m); err != nil {
			t.Errorf("README names %s, which is not there", m)
		}
	}
}

// TestConventionsNameRealTests holds the README's conventions table to the tests behind
// its rows: every row names at least one test, and every test, benchmark or fuzz target
// it names is a function in the repository, so a row cannot outlive the test that
// backs it.
func TestConventionsNameRealTests(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Conventions\n")
	if !ok {
		t.Fatal("the README has no Conventions section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	defined := map[string]bool{}
	funcs := regexp.MustCompile(`(?m)^func ((?:Test|Benchmark|Fuzz)\w+)\(`)
	err = filepath.WalkDir("../..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		b, err := os.ReadFile(path)
		for _, m := range funcs.FindAllStringSubmatch(string(b), -1) {
			defined[m[1]] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	named := regexp.MustCompile("`((?:Test|Benchmark|Fuzz)\\w+)`")
	rows := 0
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| convention") {
			continue
		}
		rows++
		tests := named.FindAllStringSubmatch(line, -1)
		if len(tests) == 0 {
			t.Errorf("a row names no test: %s", line)
		}
		for _, m := range tests {
			if !defined[m[1]] {
				t.Errorf("the conventions table names %s, which is not a test here", m[1])
			}
		}
	}
	if rows < 8 {
		t.Errorf("%d rows in the conventions table, want palette, filter, mouse, themes, NO_COLOR, accessible mode, config and logs at least", rows)
	}
}
