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
