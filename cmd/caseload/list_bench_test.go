package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"caseload/internal/benchdb"
)

// BenchmarkReferralsListProcess is one `caseload referrals list --format json` of the
// real binary, as a script runs it, over the cached fixture of 20,000 or 100,000
// referrals of mixed status, its output to /dev/null: opening (with the pre-open page
// check), reading, ordering, checking and writing every referral. It reports the
// process's CPU time and its peak resident memory (peak-MiB, the most of any run).
// `make bench-process` times the same against sqlite3 on the same file.
func BenchmarkReferralsListProcess(b *testing.B) {
	for _, n := range []int{20_000, 100_000} {
		b.Run(strconv.Itoa(n/1000)+"k", func(b *testing.B) {
			db := benchdb.File(b, benchdb.Fixture{Referrals: n})
			benchProcess(b, realBinary(b), "referrals", "list", "--db", db, "--format", "json")
		})
	}
}

// BenchmarkCasesListProcess is BenchmarkReferralsListProcess for `cases list --format
// json` over 1,000 open cases on the pathway (with 20,000 referrals).
func BenchmarkCasesListProcess(b *testing.B) {
	db := benchdb.File(b, benchdb.Fixture{Referrals: 20_000, Pathway: true})
	benchProcess(b, realBinary(b), "cases", "list", "--db", db, "--format", "json")
}

func benchProcess(b *testing.B, bin string, args ...string) {
	b.Helper()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer null.Close()
	// GNU time reads the command's own peak: Linux counts in a child's ru_maxrss the
	// memory its parent (this test binary) had when it forked.
	peakFile := filepath.Join(b.TempDir(), "peak")
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		b.Skip("needs GNU time (/usr/bin/time) to read the process's own peak memory")
	}
	var peak int64
	var cpu float64
	runs := 0
	for b.Loop() {
		cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%M", "-o", peakFile, bin}, args...)...)
		var stderr strings.Builder
		cmd.Stdout, cmd.Stderr = null, &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("%v: %s", err, stderr.String())
		}
		var kib int64
		if text, err := os.ReadFile(peakFile); err != nil {
			b.Fatal(err)
		} else if _, err := fmt.Sscan(string(text), &kib); err != nil {
			b.Fatalf("GNU time wrote %q: %v", text, err)
		}
		peak = max(peak, kib)
		cpu += (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
		runs++
	}
	b.ReportMetric(float64(peak)/1024, "peak-MiB")
	b.ReportMetric(cpu/float64(runs)*1000, "cpu-ms/op")
}

// BenchmarkReferralsList is BenchmarkReferralsListProcess in process, for a CPU or
// memory profile (-cpuprofile, -benchmem): the binary's start and the pre-open page
// check are in it too, as run does them.
func BenchmarkReferralsList(b *testing.B) {
	for _, n := range []int{20_000, 100_000} {
		b.Run(strconv.Itoa(n/1000)+"k", func(b *testing.B) {
			db := benchdb.File(b, benchdb.Fixture{Referrals: n})
			getenv := func(k string) string { return map[string]string{"CASELOAD_NOW": testNow}[k] }
			for b.Loop() {
				var stdout, stderr discard
				if code := run(context.Background(), []string{"referrals", "list", "--db", db, "--format", "json"}, &stdout, &stderr, getenv); code != 0 {
					b.Fatalf("exit %d: %s", code, stderr)
				}
			}
		})
	}
}
