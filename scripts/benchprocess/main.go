// Command benchprocess times the real caseload binary against sqlite3 on the same file
// (`make bench-process`): `referrals list` and `cases list` as json and csv on the
// cached fixtures of internal/benchdb (20,000 and 100,000 referrals; 1,000 cases on the
// pathway), each beside sqlite3 writing the same table, and prints wall time, CPU time,
// peak resident memory and the ratios. Output goes to /dev/null for both, so the disk
// is not what is timed. Each command runs -runs times; the median is printed.
//
// Two sqlite3 baselines: "table" is `SELECT * FROM referrals` (the measure,
// no join, no order), "same rows" reads what the list reads (the referral with its
// person and screening, in the queue's order), so the rest of the ratio is what the
// list does beyond reading: the clock, the checklist, the encoding.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"caseload/internal/benchdb"
	"caseload/internal/clock"
)

// sameReferrals is what `referrals list` reads, in its order, as sqlite3 would write it.
const sameReferrals = `SELECT r.*, p.given_name, p.family_name, p.date_of_birth, p.nhs_number, p.prison_number,
	p.pnc_id, p.crn, s.decided_at
	FROM referrals r JOIN people p ON p.id = r.person_id LEFT JOIN screenings s ON s.referral_id = r.id
	WHERE r.imported = 0
	ORDER BY (r.screened_at IS NULL AND r.status = 'received') DESC,
		CASE WHEN r.screened_at IS NULL AND r.status = 'received' THEN r.received_at END,
		r.received_at DESC, r.id`

// sameCases is what `cases list` reads for its rows, in id order.
const sameCases = `SELECT c.*, p.given_name, p.family_name, x.*
	FROM cases c JOIN people p ON p.id = c.person_id LEFT JOIN case_release x ON x.case_id = c.id
	WHERE c.status = 'open' ORDER BY c.id`

type measure struct {
	wall, cpu time.Duration
	peakKiB   int64
}

func main() {
	runs := flag.Int("runs", 3, "times each command runs (the median is printed)")
	sizes := flag.String("referrals", "20000,100000", "the fixtures' numbers of referrals")
	flag.Parse()
	if err := run(*runs, *sizes); err != nil {
		fmt.Fprintln(os.Stderr, "benchprocess:", err)
		os.Exit(1)
	}
}

func run(runs int, sizes string) error {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		return fmt.Errorf("sqlite3 is not installed: it is the baseline (apt-get install sqlite3)")
	}
	dir, err := os.MkdirTemp("", "caseload-benchprocess-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "caseload")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/caseload")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building caseload: %w", err)
	}
	fmt.Printf("load average at the start: %s\n", loadavg())
	fmt.Printf("%-44s %9s %9s %8s | %-10s %9s %8s | %6s\n", "what", "wall s", "cpu s", "peak MiB", "sqlite3", "wall s", "peak MiB", "ratio")
	for _, n := range strings.Split(sizes, ",") {
		var referrals int
		if _, err := fmt.Sscan(n, &referrals); err != nil {
			return fmt.Errorf("-referrals %q: %v", n, err)
		}
		db, err := fixture(benchdb.Fixture{Referrals: referrals})
		if err != nil {
			return err
		}
		k := fmt.Sprintf("%dk", referrals/1000)
		for _, c := range []struct {
			what, format, mode, query, baseline string
		}{
			{"referrals list --format json, " + k, "json", "-json", "SELECT * FROM referrals", "table"},
			{"referrals list --format json, " + k, "json", "-json", sameReferrals, "same rows"},
			{"referrals list --format csv, " + k, "csv", "-csv", "SELECT * FROM referrals", "table"},
		} {
			if err := compare(runs, c.what, c.baseline, []string{bin, "referrals", "list", "--db", db, "--format", c.format},
				[]string{"sqlite3", c.mode, db, c.query}); err != nil {
				return err
			}
		}
	}
	db, err := fixture(benchdb.Fixture{Referrals: 20_000, Pathway: true})
	if err != nil {
		return err
	}
	for _, c := range []struct{ what, query, baseline string }{
		{"cases list --format json, 1,000 open cases", "SELECT * FROM cases", "table"},
		{"cases list --format json, 1,000 open cases", sameCases, "same rows"},
	} {
		if err := compare(runs, c.what, c.baseline, []string{bin, "cases", "list", "--db", db, "--format", "json"},
			[]string{"sqlite3", "-json", db, c.query}); err != nil {
			return err
		}
	}
	fmt.Printf("load average at the end: %s\n", loadavg())
	return nil
}

// fixture is the cached file of f, built (minutes, once) if missing.
func fixture(f benchdb.Fixture) (string, error) {
	elapsed := clock.Stopwatch()
	path, built, err := benchdb.Ensure(f)
	if err != nil {
		return "", fmt.Errorf("fixture %s: %w", f.Name(), err)
	}
	if built {
		fmt.Printf("built %s in %s\n", filepath.Base(path), elapsed().Round(time.Second))
	}
	return path, nil
}

// compare times caseload's and sqlite3's commands runs times each, alternating, and
// prints the medians and the ratio of the wall times.
func compare(runs int, what, baseline string, caseload, sqlite []string) error {
	var ours, theirs []measure
	for range runs {
		m, err := timed(caseload)
		if err != nil {
			return err
		}
		ours = append(ours, m)
		if m, err = timed(sqlite); err != nil {
			return err
		}
		theirs = append(theirs, m)
	}
	o, t := median(ours), median(theirs)
	fmt.Printf("%-44s %9.3f %9.3f %8.1f | %-10s %9.3f %8.1f | %5.1f×\n", what, o.wall.Seconds(), o.cpu.Seconds(),
		float64(o.peakKiB)/1024, baseline, t.wall.Seconds(), float64(t.peakKiB)/1024, o.wall.Seconds()/t.wall.Seconds())
	return nil
}

// timed runs args with stdout to /dev/null and measures the process: wall time, user
// and system CPU, and its peak resident memory in KiB. The peak is read by GNU time
// (/usr/bin/time -f %M), a small C program between this one and the command: Linux
// counts in a child's ru_maxrss the memory its parent had when it forked, so a child
// of this Go program (grown to 100 MB building a fixture) would report at least that.
func timed(args []string) (measure, error) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return measure{}, err
	}
	defer null.Close()
	peakFile, err := os.CreateTemp("", "benchprocess-peak-")
	if err != nil {
		return measure{}, err
	}
	peakFile.Close()
	defer os.Remove(peakFile.Name())
	if _, err := os.Stat(gnuTime); err == nil {
		args = append([]string{gnuTime, "-f", "%M", "-o", peakFile.Name()}, args...)
	}
	cmd := exec.Command(args[0], args[1:]...)
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = null, &stderr
	elapsed := clock.Stopwatch()
	if err := cmd.Run(); err != nil {
		return measure{}, fmt.Errorf("%s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	wall := elapsed()
	m := measure{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if b, err := os.ReadFile(peakFile.Name()); err == nil && len(b) > 0 {
		_, err = fmt.Sscan(string(b), &m.peakKiB)
		return m, err
	}
	// Without GNU time: the kernel's figure, an overstatement by the parent's size.
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.peakKiB = ru.Maxrss
	}
	return m, nil
}

// gnuTime is GNU time, which reads a command's own peak memory.
const gnuTime = "/usr/bin/time"

// median is the run of median wall time, with the median CPU and peak memory.
func median(ms []measure) measure {
	pick := func(key func(measure) int64) int64 {
		vs := make([]int64, len(ms))
		for i, m := range ms {
			vs[i] = key(m)
		}
		slices.Sort(vs)
		return vs[len(vs)/2]
	}
	return measure{
		wall:    time.Duration(pick(func(m measure) int64 { return int64(m.wall) })),
		cpu:     time.Duration(pick(func(m measure) int64 { return int64(m.cpu) })),
		peakKiB: pick(func(m measure) int64 { return m.peakKiB }),
	}
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
