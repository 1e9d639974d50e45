package store

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/report"
)

// reportBenchStore is the pathway benchmarks' database (20,000 referrals, 1,000 open
// cases with release changes, 3,000 forum meetings) with a screening decision for every
// referral screened, each with its full six-rule checklist (one in three failing a
// criterion), and a consultation for every referral past screening: written straight
// in SQL, since 20,000 decisions through the store's durable writes take minutes and
// the benchmark measures reading them.
func reportBenchStore(b *testing.B) *Store {
	b.Helper()
	s := pathwayStore(b)
	rules := make([]string, 6)
	for i, id := range []string{"source", "risk", "priority_group", "health_needs", "resettlement", "timing"} {
		rules[i] = `{"id":"` + id + `","result":"pass","reason":"checked"}`
	}
	pass := `{"verdict":"eligible","window_opens_on":null,"rules":[` + strings.Join(rules, ",") + `]}`
	fail := strings.Replace(pass, `"risk","result":"pass"`, `"risk","result":"fail"`, 1)
	fixture(b, s, `INSERT INTO screenings (referral_id, outcome, reason, decided_by, decided_at, within_48h, checklist)
		SELECT id, CASE WHEN status = 'screened-out' THEN 'out' ELSE 'in' END, 'bench', 'bench', screened_at,
		(julianday(screened_at) - julianday(received_at)) * 24 <= 48, CASE WHEN id % 3 = 0 THEN ? ELSE ? END
		FROM referrals WHERE screened_at IS NOT NULL AND imported = 0`, fail, pass)
	fixture(b, s, `INSERT INTO consultations (referral_id, meeting_date, attendees, outcome, rationale,
		allocated_clinician_id, recorded_by, recorded_at)
		SELECT id, date(screened_at, '+14 days'), '[{"name":"Pat Com","role":"COM","agency":null}]',
		CASE WHEN status = 'not-accepted' THEN 'not-accepted' ELSE 'accepted' END, 'bench',
		CASE WHEN status = 'not-accepted' THEN NULL ELSE 1 END, 'bench', strftime('%Y-%m-%dT%H:%M:%SZ', screened_at, '+14 days')
		FROM referrals WHERE status IN ('accepted', 'not-accepted') AND imported = 0`)
	return s
}

// BenchmarkReport is the full report over the year before t0: every fact read in one
// snapshot, then every figure built, as `caseload report` and the Reports screen do.
func BenchmarkReport(b *testing.B) {
	s := reportBenchStore(b)
	ctx := context.Background()
	from, to := pathwayToday.AddDays(-365), pathwayToday
	var r report.Report
	b.ReportAllocs()
	for b.Loop() {
		f, err := s.ReportFacts(ctx, from, to)
		if err != nil {
			b.Fatal(err)
		}
		r = report.Build(f, from, to)
	}
	if r.Referrals.Received < 19_000 || r.Screening.Screened < 10_000 || r.Decisions.Accepted == 0 {
		b.Fatalf("received %d, screened %d, accepted %d: the load is not what it claims",
			r.Referrals.Received, r.Screening.Screened, r.Decisions.Accepted)
	}
	b.ReportMetric(float64(r.Referrals.Received), "received")
	b.ReportMetric(float64(r.Screening.Screened), "screened")
	b.ReportMetric(float64(r.CaseloadByMonth[len(r.CaseloadByMonth)-1].Open), "open-cases")
}

// BenchmarkReportFacts is the reading alone.
func BenchmarkReportFacts(b *testing.B) {
	s := reportBenchStore(b)
	ctx := context.Background()
	from, to := pathwayToday.AddDays(-365), pathwayToday
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.ReportFacts(ctx, from, to); err != nil {
			b.Fatal(err)
		}
	}
}
