// Command testjobs checks that make test's jobs, between them, run every test function
// exactly once. make test splits the packages' tests between jobs that run at the same
// time (with and without the race detector, the slow ones in processes of their own) by
// -run and -skip patterns; a test that one job skips and no other runs would silently
// stop being run, and one that two jobs run doubles its cost. It reads the jobs' go test
// command lines (as make -n prints them) on standard input, lists each package's Test
// functions from its source, and says which test no job runs or which two jobs run.
//
//	make -n -s test-jobs | go run ./internal/testjobs
package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
)

func main() {
	var jobs []job
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		j, ok, err := parseJob(sc.Text())
		if err != nil {
			fail("%v", err)
		}
		if ok {
			jobs = append(jobs, j)
		}
	}
	if len(jobs) == 0 {
		fail("no go test command on standard input")
	}
	tests := map[string][]string{} // package → its Test functions
	for i, j := range jobs {
		pkgs, err := goList(j.patterns)
		if err != nil {
			fail("job %d (%s): %v", i+1, j.line, err)
		}
		jobs[i].pkgs = pkgs
		for _, p := range pkgs {
			if _, ok := tests[p.importPath]; !ok {
				if tests[p.importPath], err = testFuncs(p.dir); err != nil {
					fail("%v", err)
				}
			}
		}
	}
	all, err := goList([]string{"./..."})
	if err != nil {
		fail("%v", err)
	}
	var problems []string
	for _, p := range all {
		if _, ok := tests[p.importPath]; !ok {
			funcs, err := testFuncs(p.dir)
			if err != nil {
				fail("%v", err)
			}
			for _, f := range funcs {
				problems = append(problems, fmt.Sprintf("%s %s: no job runs its package", p.importPath, f))
			}
		}
	}
	for _, p := range all {
		for _, f := range tests[p.importPath] {
			var by []string
			for _, j := range jobs {
				if j.runs(p.importPath, f) {
					by = append(by, j.line)
				}
			}
			switch len(by) {
			case 0:
				problems = append(problems, fmt.Sprintf("%s %s: no job runs it", p.importPath, f))
			case 1:
			default:
				problems = append(problems, fmt.Sprintf("%s %s: %d jobs run it:\n\t%s", p.importPath, f, len(by), strings.Join(by, "\n\t")))
			}
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		fail("make test's jobs do not run every test exactly once:\n%s", strings.Join(problems, "\n"))
	}
	n := 0
	for _, fs := range tests {
		n += len(fs)
	}
	fmt.Printf("testjobs: %d jobs run each of %d tests in %d packages exactly once\n", len(jobs), n, len(all))
}

type pkg struct{ importPath, dir string }

// goList resolves package patterns as go test would.
func goList(patterns []string) ([]pkg, error) {
	out, err := exec.Command("go", append([]string{"list", "-f", "{{.ImportPath}} {{.Dir}}"}, patterns...)...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return nil, fmt.Errorf("go list %s: %v\n%s", strings.Join(patterns, " "), err, ee.Stderr)
		}
		return nil, err
	}
	var ps []pkg
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if ip, dir, ok := strings.Cut(l, " "); ok {
			ps = append(ps, pkg{ip, dir})
		}
	}
	return ps, nil
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "testjobs: "+format+"\n", args...)
	os.Exit(1)
}
