package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// job is one go test command: its packages and the -run and -skip patterns that choose
// among their tests.
type job struct {
	line      string
	patterns  []string
	run, skip *regexp.Regexp
	pkgs      []pkg
}

// parseJob reads a shell command line; ok is false for a line that runs no go test.
// Package patterns are the words that begin "./" (the Makefile names them so).
func parseJob(line string) (j job, ok bool, err error) {
	words, err := shellWords(line)
	if err != nil {
		return j, false, fmt.Errorf("%q: %v", line, err)
	}
	at := -1
	for i := 0; i+1 < len(words); i++ {
		if filepath.Base(words[i]) == "go" && words[i+1] == "test" {
			at = i + 2
			break
		}
	}
	if at < 0 {
		return j, false, nil
	}
	j.line = strings.TrimSpace(line)
	for i := at; i < len(words); i++ {
		w := words[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
		switch {
		case strings.HasPrefix(w, "./"):
			j.patterns = append(j.patterns, w)
			continue
		case !strings.HasPrefix(w, "-") || (name != "run" && name != "skip"):
			continue
		case !hasValue:
			if i+1 >= len(words) {
				return j, false, fmt.Errorf("%q: -%s without a pattern", line, name)
			}
			i++
			value = words[i]
		}
		// go test matches a top-level test against the part before the first slash.
		re, err := regexp.Compile(strings.Split(value, "/")[0])
		if err != nil {
			return j, false, fmt.Errorf("%q: -%s %q: %v", line, name, value, err)
		}
		if name == "run" {
			j.run = re
		} else {
			j.skip = re
		}
	}
	if len(j.patterns) == 0 {
		return j, false, fmt.Errorf("%q: no package (the Makefile's go test lines name them ./...)", line)
	}
	return j, true, nil
}

// runs says whether the job runs test name of package importPath.
func (j job) runs(importPath, name string) bool {
	in := false
	for _, p := range j.pkgs {
		in = in || p.importPath == importPath
	}
	return in && (j.run == nil || j.run.MatchString(name)) && (j.skip == nil || !j.skip.MatchString(name))
}

// testFuncs lists the functions go test runs in the package in dir, each chosen by
// -run and -skip: TestXxx(t *testing.T), FuzzXxx(f *testing.F) (its seed corpus runs
// as a test) and ExampleXxx(), in its _test.go files, Xxx not beginning with a
// lower-case letter; TestMain is not a test.
func testFuncs(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		return nil, err
	}
	var names []string
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range file.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && isTest(fn) {
				names = append(names, fn.Name.Name)
			}
		}
	}
	return names, nil
}

func isTest(fn *ast.FuncDecl) bool {
	name := fn.Name.Name
	for prefix, param := range map[string]string{"Test": "T", "Fuzz": "F", "Example": ""} {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || name == "TestMain" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); rest != "" && unicode.IsLower(r) {
			return false
		}
		return takes(fn, param)
	}
	return false
}

// takes says whether fn's one parameter is *testing.<param>, or, for "", that it has none.
func takes(fn *ast.FuncDecl, param string) bool {
	params := fn.Type.Params.List
	if param == "" {
		return len(params) == 0
	}
	if len(params) != 1 || len(params[0].Names) > 1 {
		return false
	}
	star, ok := params[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == param
}

// shellWords splits a command line into words as sh would for the quoting make's
// recipes use: single and double quotes and backslashes; operators end the command.
func shellWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				return nil, fmt.Errorf("unclosed '")
			}
			w.WriteString(line[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) {
					i++
				}
				w.WriteByte(line[i])
			}
			if i >= len(line) {
				return nil, fmt.Errorf("unclosed \"")
			}
			inWord = true
		case c == '\\' && i+1 < len(line):
			i++
			w.WriteByte(line[i])
			inWord = true
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == ';' || c == '&' || c == '|':
			if inWord {
				words = append(words, w.String())
			}
			return words, nil
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}
