package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"caseload/internal/demo"
	"caseload/store"
)

// bench20k writes a database of demo.ManyReferrals' 20,000 referrals and the demo
// clinicians, as tui's benchmarks build it (docs/PERFORMANCE.md).
func bench20k(b *testing.B) string {
	b.Helper()
	ctx := context.Background()
	now, _ := time.Parse(time.RFC3339, testNow)
	path := filepath.Join(b.TempDir(), "big.db")
	st, err := store.Create(ctx, path, now)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.AddReferrals(ctx, "bench", now, demo.ManyReferrals(now, 20000)); err != nil {
		b.Fatal(err)
	}
	for _, c := range demo.Clinicians() {
		if _, err := st.AddClinician(ctx, "bench", now, c); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkBackup20k is one `caseload backup` of the 20,000-referral database to two
// recipients: snapshot, integrity check, verify, checkpoints, encryption, fsync. It
// reports the database's and the backup's sizes.
func BenchmarkBackup20k(b *testing.B) {
	db := bench20k(b)
	team, offline := benchRecipient(b), benchRecipient(b)
	env := map[string]string{"XDG_DATA_HOME": b.TempDir(), "HOME": b.TempDir(), "CASELOAD_NOW": testNow}
	base := b.TempDir()
	var size int64
	i := 0
	for b.Loop() {
		out := filepath.Join(base, strconv.Itoa(i))
		i++
		if err := os.Mkdir(out, 0o700); err != nil {
			b.Fatal(err)
		}
		var stdout, stderr discard
		if code := run(context.Background(), []string{"backup", "--db", db, "--out", out, "--recipient", team, "--recipient", offline},
			&stdout, &stderr, func(k string) string { return env[k] }); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr)
		}
		b.StopTimer()
		names, _ := backupsIn(out)
		fi, err := os.Stat(filepath.Join(out, names[0]))
		if err != nil {
			b.Fatal(err)
		}
		size = fi.Size()
		_ = os.RemoveAll(out)
		b.StartTimer()
	}
	fi, _ := os.Stat(db)
	b.ReportMetric(float64(fi.Size())/(1<<20), "db-MB")
	b.ReportMetric(float64(size)/(1<<20), "backup-MB")
}

// BenchmarkBackupCheck20k is `caseload backup check` of that backup: decrypt, open,
// verify, checkpoints.
func BenchmarkBackupCheck20k(b *testing.B) {
	db := bench20k(b)
	id, _ := ageKeyB(b)
	env := map[string]string{"XDG_DATA_HOME": b.TempDir(), "HOME": b.TempDir(), "CASELOAD_NOW": testNow}
	getenv := func(k string) string { return env[k] }
	out := b.TempDir()
	var o, e discard
	if code := run(context.Background(), []string{"backup", "--db", db, "--out", out, "--recipient", id.recipient}, &o, &e, getenv); code != 0 {
		b.Fatalf("exit %d: %s", code, e)
	}
	for b.Loop() {
		if code := run(context.Background(), []string{"backup", "check", "--out", out, "--identity", id.file}, &o, &e, getenv); code != 0 {
			b.Fatalf("exit %d: %s", code, e)
		}
	}
}

type discard []byte

func (d *discard) Write(p []byte) (int, error) {
	if len(*d) < 4096 {
		*d = append(*d, p...)
	}
	return len(p), nil
}

func (d discard) String() string { return string(d) }
