package queue

import (
	"context"
	"path/filepath"
	"testing"

	"caseload/internal/demo"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// loadedQueue is the queue of a database of n fictional referrals, loaded at 120×40,
// for benchmarks.
func loadedQueue(b *testing.B, n int) (*tuitest.Driver, *Model) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Create(ctx, filepath.Join(b.TempDir(), "big.db"), testNow)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := st.AddReferrals(ctx, "bench", testNow, demo.ManyReferrals(testNow, n)); err != nil {
		b.Fatal(err)
	}
	cs := demo.Clinicians()
	if cs[0].ID, err = st.AddClinician(ctx, "bench", testNow, cs[0]); err != nil {
		b.Fatal(err)
	}
	m := New(tuitest.Session(testNow, cs[0]), st)
	d, _ := tuitest.Open(b, m, 120, 40)
	if !m.loaded || len(m.list.Rows()) != n {
		b.Fatalf("%d of %d referrals loaded", len(m.list.Rows()), n)
	}
	return d, m
}

// BenchmarkReload20k is the queue of 20,000 referrals read again when another process
// changed a referral (common.DataChangedMsg): the read of every referral and the
// drafts, the rows prepared and sorted (off the UI goroutine), then swapped in keeping
// cursor and filter. The mark is forgotten before each, as if a referral had changed.
func BenchmarkReload20k(b *testing.B) {
	d, m := loadedQueue(b, 20000)
	d.Keys("j j / a enter")
	b.ReportAllocs()
	for b.Loop() {
		m.mark = 0
		d.Send(common.DataChangedMsg{})
	}
}

// BenchmarkReloadNoReferralChanged20k is the reload at 20,000 referrals when what
// another process committed touched no referral (a note, a case viewed, a forum): the
// referrals' mark and the drafts read, nothing else.
func BenchmarkReloadNoReferralChanged20k(b *testing.B) {
	d, m := loadedQueue(b, 20000)
	b.ReportAllocs()
	for b.Loop() {
		d.Send(common.DataChangedMsg{})
	}
	if m.reads < 2 {
		b.Fatal("no reload ran")
	}
}

// BenchmarkReloadSwap20k is the part of that reload on the UI goroutine: the new rows
// put in place of the old, filtered again, the cursor found by its referral; with no
// filter, and with a kept one-letter filter (the worst case: it scans every row).
func BenchmarkReloadSwap20k(b *testing.B) {
	for name, keys := range map[string]string{"no filter": "j j", "filter": "j j / a enter"} {
		b.Run(name, func(b *testing.B) {
			d, m := loadedQueue(b, 20000)
			d.Keys(keys)
			m.mark = 0 // so the rows are read
			msg := m.readAgain()()
			m.loads.Start()
			b.ReportAllocs()
			for b.Loop() {
				m.Update(msg)
				m.loads.Start() // as if the next reload had been asked for
			}
		})
	}
}
