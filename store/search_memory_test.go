package store_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"caseload/internal/benchdb"
	"caseload/store"
)

// memorySearches are the eight searches of BenchmarkSearchMemory, words of the
// fixture's notes from the commonest to the rarer.
var memorySearches = []string{"discussed probation", "sleep alcohol", "nightmares hostel", "anger mother",
	"licence conditions", "medication voices", "court housing", "gym reading"}

// BenchmarkSearchMemory is the resident memory of a process that opens the file of
// 20,000 referrals and 1,000,000 notes (read-write, as the app does) and runs eight searches: rss-MiB is what it
// holds after them (after a garbage collection), hwm-MiB the most it held. Memory is
// the process's, so each iteration runs in a new one (this test binary again, running
// only TestSearchMemoryProcess); Linux only, where /proc says it.
func BenchmarkSearchMemory(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("needs /proc/self/status")
	}
	// A copy, opened read-write as the app opens it: its full page check runs in the
	// background beside the searches, as the app's does.
	path := benchdb.Copy(b, benchdb.Fixture{Referrals: 20_000, Notes: 1_000_000})
	var rss, hwm float64
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSearchMemoryProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "CASELOAD_SEARCH_MEMORY="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		var r, h float64
		if i := bytes.Index(out, []byte("search-memory ")); i < 0 {
			b.Fatalf("no measure in %s", out)
		} else if _, err := fmt.Sscanf(string(out[i:]), "search-memory rss-kib %f hwm-kib %f", &r, &h); err != nil {
			b.Fatalf("%v in %s", err, out)
		}
		rss, hwm = max(rss, r), max(hwm, h)
	}
	b.ReportMetric(rss/1024, "rss-MiB")
	b.ReportMetric(hwm/1024, "hwm-MiB")
}

// TestSearchMemoryProcess is BenchmarkSearchMemory's process: it does nothing unless
// the benchmark runs it.
func TestSearchMemoryProcess(t *testing.T) {
	path := os.Getenv("CASELOAD_SEARCH_MEMORY")
	if path == "" {
		t.Skip("run by BenchmarkSearchMemory")
	}
	ctx := context.Background()
	start := time.Now()
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	t.Logf("opened in %s", time.Since(start))
	for _, q := range memorySearches {
		start := time.Now()
		if rs, err := s.Search(ctx, 1, q, 20); err != nil || len(rs) == 0 {
			t.Fatalf("Search(%q) = %d results, %v", q, len(rs), err)
		}
		t.Logf("%q in %s", q, time.Since(start))
	}
	runtime.GC()
	debug.FreeOSMemory()
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	kib := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		var v float64
		if name, rest, ok := strings.Cut(sc.Text(), ":"); ok {
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%f kB", &v); err == nil {
				kib[name] = v
			}
		}
	}
	fmt.Printf("search-memory rss-kib %.0f hwm-kib %.0f\n", kib["VmRSS"], kib["VmHWM"])
}
