package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"caseload/internal/benchdb"
	"caseload/internal/clock"
	"caseload/internal/demo"
)

// BenchmarkReferralsImport is one `caseload referrals import` of a service's backlog
// into a new database, in process: the CSV read and checked row by row, each person
// matched against those already held, every referral and its audit entry written in one
// transaction. The file is demo.ManyReferrals' fictional referrals; making the file and
// the empty database is not timed. It reports referrals a second. The scaling table of
// docs/PERFORMANCE.md ("Issue 17") takes its import column from here.
func BenchmarkReferralsImport(b *testing.B) {
	if testing.Short() {
		b.Skip("imports up to 100,000 referrals")
	}
	for _, n := range []int{2_000, 20_000, 100_000} {
		b.Run(strconv.Itoa(n/1000)+"k", func(b *testing.B) {
			file := importFile(b, n)
			env := map[string]string{"CASELOAD_NOW": testNow}
			getenv := func(k string) string { return env[k] }
			i := 0
			var took time.Duration
			for b.Loop() {
				b.StopTimer()
				db := filepath.Join(b.TempDir(), "import"+strconv.Itoa(i)+".db")
				i++
				var stdout, stderr discard
				if code := run(context.Background(), []string{"init", "--db", db}, &stdout, &stderr, getenv); code != 0 {
					b.Fatalf("init: exit %d", code)
				}
				b.StartTimer()
				start := time.Now()
				if code := run(context.Background(), []string{"referrals", "import", "--db", db, file}, &stdout, &stderr, getenv); code != 0 {
					b.Fatalf("import: exit %d: %s", code, stderr)
				}
				took += time.Since(start)
				if want := "added " + strconv.Itoa(n) + " referrals"; !strings.Contains(string(stdout), want) {
					b.Fatalf("the import did not say %q:\n%s", want, stdout)
				}
			}
			b.ReportMetric(float64(n*i)/took.Seconds(), "referrals/s")
		})
	}
}

// importFile writes n fictional referrals as the import reads them.
func importFile(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "referrals.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := csv.NewWriter(f)
	_ = w.Write(strings.Split(strings.TrimSpace(importHeader), ","))
	london := clock.London()
	for _, r := range demo.ManyReferrals(benchdb.Now, n) {
		group := ""
		if r.PriorityGroup > 0 {
			group = strconv.Itoa(r.PriorityGroup)
		}
		date := func(s string) string {
			if s == "0000-00-00" || s == "0001-01-01" {
				return ""
			}
			return s
		}
		// With the offset: a referral received in the hour the clocks go back happens
		// twice in London, and the import rightly refuses a time that does not say which.
		_ = w.Write([]string{r.ReceivedAt.In(london).Format("2006-01-02T15:04:05-07:00"), string(r.Source), r.Referrer.Name,
			r.Referrer.Org, r.Referrer.Email, r.Person.GivenName, r.Person.FamilyName, date(r.Person.DateOfBirth.String()),
			r.Person.NHSNumber.String(), string(r.Person.PrisonNumber), string(r.Person.PNCID), string(r.Person.CRN),
			r.CurrentPrison, date(r.ExpectedRelease.String()), string(r.ReleaseDateType), string(r.RoSH), group,
			string(r.ComplexHealthNeeds), r.ResettlementArea, string(r.ApprovedPremises), r.Reason})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}
