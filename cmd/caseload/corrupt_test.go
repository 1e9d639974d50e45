package main

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
)

// TestCorruptCopies flips bytes in 200 copies of the demo database (notes, addenda,
// formulations and their search indexes included): in a third at random offsets past
// the 100-byte header, in the rest inside a page of one table or index, each in turn
// (found with the dbstat table). Each copy then goes through caseload verify and
// referrals list and cases list (--format json), in process, and every eighth through
// the real binary too. Each command either refuses the copy in plain sentences (no
// panic, no raw driver text without ours) or answers as it did on the original, except
// that a list may show a value damaged into another valid one on a copy verify refused
// (verify named it); and when verify says ok, the copy's every table is exactly the
// original's. Never a panic, never a silent change (issue 12, corruption test).
func TestCorruptCopies(t *testing.T) {
	if testing.Short() {
		t.Skip("200 copies: not in -short")
	}
	skipUnderRace(t)
	rng := seeded(crashSeed(t))
	const copies = 200
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.db")
	demoDB(t, demo)
	original, err := os.ReadFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := dumpFile(t, demo, true)
	layout := pageLayout(t, demo)
	for _, table := range []string{"notes", "addenda", "formulations", "notes_search_data", "addenda_search_data", "formulations_search_data", "screenings", "audit"} {
		if len(layout.pages[table]) == 0 || !strings.Contains(want, "\n== "+table+" (") || strings.Contains(want, "\n== "+table+" (0 rows)") {
			t.Fatalf("the demo has no %s to damage", table)
		}
	}
	pristine := filepath.Join(dir, "pristine.db")
	copyFile(t, demo, pristine)
	answers := map[string]string{}
	for _, args := range corruptCommands {
		r := must(t, caseload(t, nil, append(args, "--db", pristine)...))
		if b := runBinary(t, append(args, "--db", pristine)...); b != r {
			t.Fatalf("%s: the binary and the command in process answer differently:\n%s\n%s", args[0], b.stdout, r.stdout)
		}
		answers[strings.Join(args, " ")] = r.stdout
	}

	// The flips are chosen here, in order, so the seed alone decides them.
	cs := make([]*corruptCopy, copies)
	for i := range cs {
		c := &corruptCopy{n: i, path: filepath.Join(dir, fmt.Sprintf("copy-%03d.db", i)), binary: i%8 == 0}
		if i%3 == 0 {
			c.flipAnywhere(rng, original, layout)
		} else {
			c.flipIn(rng, original, layout, layout.objects[(i-i/3-1)%len(layout.objects)])
		}
		cs[i] = c
	}
	bin := realBinary(t)
	work := make(chan *corruptCopy)
	var wg sync.WaitGroup
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for c := range work {
				c.check(t, bin, original, want, answers)
			}
		})
	}
	for _, c := range cs {
		work <- c
	}
	close(work)
	wg.Wait()

	outcomes := map[string]int{}
	for _, c := range cs {
		outcomes[c.outcome]++
		for _, p := range c.problems {
			t.Errorf("copy %d (%s): %s", c.n, c.describe(), p)
		}
	}
	t.Logf("%d copies: %v", copies, outcomes)
}

// corruptCommands are what each copy is put through, besides verify.
var corruptCommands = [][]string{
	{"verify"},
	{"referrals", "list", "--format", "json"},
	{"cases", "list", "--format", "json"},
}

// corruptCopy is one damaged copy and what became of it.
type corruptCopy struct {
	n        int
	path     string
	binary   bool // also through the real binary
	flips    []flip
	outcome  string // refused by verify, intact, or silently changed
	problems []string
}

// flip is one byte changed: where, in which table or index's page, from what to what.
type flip struct {
	offset   int
	page     int
	inPage   int
	object   string
	was, now byte
}

// flipAnywhere changes one to four bytes at random offsets past the header.
func (c *corruptCopy) flipAnywhere(rng *rand.Rand, file []byte, l layout) {
	for range 1 + rng.IntN(4) {
		c.flip(rng, file, l, 100+rng.IntN(len(file)-100))
	}
}

// flipIn changes one to three bytes in one random page of object.
func (c *corruptCopy) flipIn(rng *rand.Rand, file []byte, l layout, object string) {
	pages := l.pages[object]
	page := pages[rng.IntN(len(pages))]
	start := (page - 1) * l.pageSize
	if page == 1 {
		start = 100 // the database header is not a table's
	}
	for range 1 + rng.IntN(3) {
		c.flip(rng, file, l, start+rng.IntN(page*l.pageSize-start))
	}
}

func (c *corruptCopy) flip(rng *rand.Rand, file []byte, l layout, offset int) {
	page := offset/l.pageSize + 1
	was := file[offset]
	c.flips = append(c.flips, flip{offset: offset, page: page, inPage: offset - (page-1)*l.pageSize,
		object: cmp.Or(l.object[page], "a free page"), was: was, now: was ^ byte(1+rng.IntN(255))})
}

func (c *corruptCopy) describe() string {
	var parts []string
	for _, f := range c.flips {
		parts = append(parts, fmt.Sprintf("%s page %d byte %d (%d in the page) %#02x→%#02x",
			f.object, f.page, f.offset, f.inPage, f.was, f.now))
	}
	return strings.Join(parts, "; ")
}

// check writes the copy and puts it through the commands. It runs beside other
// copies' checks, so it records problems rather than stopping the test.
func (c *corruptCopy) check(t *testing.T, bin string, original []byte, want string, answers map[string]string) {
	defer func() {
		if p := recover(); p != nil {
			c.outcome = "panicked"
			c.problems = append(c.problems, fmt.Sprintf("panicked: %v", p))
		}
	}()
	b := append([]byte(nil), original...)
	for _, f := range c.flips {
		b[f.offset] = f.now
	}
	if err := os.WriteFile(c.path, b, 0o600); err != nil {
		c.problems = append(c.problems, err.Error())
		return
	}
	verified := false
	for _, args := range corruptCommands {
		name := strings.Join(args, " ")
		runs := []result{caseload(t, nil, append(args, "--db", c.path)...)}
		if c.binary {
			runs = append(runs, runProcess(bin, t.TempDir(), append(args, "--db", c.path)...))
		}
		for i, r := range runs {
			how := map[int]string{0: "in process", 1: "the binary"}[i]
			switch {
			case r.code == 0 && r.stdout != answers[name] && args[0] != "verify" && c.outcome == "refused by verify":
				// A list shows what the file holds; a value damaged into another valid
				// one is verify's to find, and verify named it (docs/VERIFY.md).
			case r.code == 0 && r.stdout != answers[name]:
				c.problems = append(c.problems, fmt.Sprintf("%s (%s) answered, differently from the original: %s",
					name, how, firstDifference(answers[name], r.stdout)))
				c.outcome = "silently changed"
			case r.code == 0:
				verified = verified || args[0] == "verify"
			default:
				if why := notPlain(r, args[0] == "verify"); why != "" {
					c.problems = append(c.problems, fmt.Sprintf("%s (%s) refused it %s", name, how, why))
				}
			}
		}
		if args[0] == "verify" && !verified {
			c.outcome = "refused by verify"
		}
	}
	if !verified {
		return
	}
	got, err := dumpCopy(t, c.path)
	switch {
	case err != nil:
		c.problems = append(c.problems, fmt.Sprintf("verify said ok, but reading every table fails: %v", err))
		c.outcome = "silently changed"
	case got != want:
		c.problems = append(c.problems, fmt.Sprintf("verify said ok, but the content changed in %s: %s",
			strings.Join(changedTables(want, got), ", "), firstDifference(want, got)))
		c.outcome = "silently changed"
	case c.outcome == "":
		c.outcome = "intact"
	}
}

// changedTables names the tables whose rows differ between two dumps.
func changedTables(a, b string) []string {
	sections := func(dump string) map[string]string {
		m := map[string]string{}
		for _, part := range strings.Split(dump, "\n== ")[1:] {
			name, rows, _ := strings.Cut(part, " (")
			m[name] = rows
		}
		return m
	}
	as, bs := sections(a), sections(b)
	var names []string
	for name, rows := range as {
		if bs[name] != rows {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// dumpCopy is dumpFile without the test's Fatal, for a copy checked beside others.
func dumpCopy(t *testing.T, path string) (string, error) {
	db := readDB(t, path, true)
	defer db.Close()
	return dumpTables(context.Background(), db)
}

// notPlain says what is wrong with a refusal: "" when it is one line of ours.
//
// verify (report true) lists what it found on stdout, one problem a line, before its
// one line on stderr; each of those lines is held to the same plainness.
func notPlain(r result, report bool) string {
	line := strings.TrimSuffix(r.stderr, "\n")
	switch {
	case strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine "):
		return "with a panic: " + r.stderr
	case !strings.HasPrefix(line, "caseload: ") || strings.Contains(line, "\n") || (r.stdout != "" && !report):
		return fmt.Sprintf("with more than one line: stdout %q stderr %q", r.stdout, r.stderr)
	}
	lines := []string{line}
	if report && r.stdout != "" {
		lines = append(lines, strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")...)
	}
	for _, line := range lines {
		ours := strings.Contains(line, "is damaged") || strings.Contains(line, "restore it from a backup") ||
			strings.Contains(line, "integrity check failed")
		for _, raw := range []string{"SQL logic error", "disk image is malformed", "file is not a database", "(11)", "(26)", "(1)", "sqlite", "SQLITE"} {
			if strings.Contains(line, raw) && !ours {
				return "with the driver's words alone: " + line
			}
		}
	}
	return ""
}

// layout is which table or index owns each page of the demo database (dbstat), and
// each one's pages.
type layout struct {
	pageSize int
	object   map[int]string
	pages    map[string][]int
	objects  []string
}

func pageLayout(t *testing.T, path string) layout {
	t.Helper()
	db := readDB(t, path, true)
	defer db.Close()
	l := layout{object: map[int]string{}, pages: map[string][]int{}}
	if err := db.QueryRow("PRAGMA page_size").Scan(&l.pageSize); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query("SELECT name, pageno FROM dbstat ORDER BY pageno")
	if err != nil {
		t.Fatalf("dbstat: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var page int
		if err := rows.Scan(&name, &page); err != nil {
			t.Fatal(err)
		}
		l.object[page] = name
		l.pages[name] = append(l.pages[name], page)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for name := range l.pages {
		l.objects = append(l.objects, name)
	}
	sort.Strings(l.objects)
	return l
}
