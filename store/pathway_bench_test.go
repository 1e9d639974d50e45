package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The pathway benchmarks share one database, built once a run through the store's own
// writes and kept as bytes; each benchmark opens its own copy in its temp folder.
var (
	pathwayOnce sync.Once
	pathwayFile []byte
)

// pathwayToday is the London day of t0.
var pathwayToday = ident.DateOf(t0.In(clock.London()))

// pathwayStore opens a copy of a database of 20,000 referrals (demo.ManyReferrals, so
// about 5,700 wait for their consultation), 1,000 open cases in every phase of the
// pathway with 800 release date changes, and 3,000 forum meetings spread over the
// year before and two months after t0.
func pathwayStore(b *testing.B) *Store {
	b.Helper()
	pathwayOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pathway-bench-")
		if err != nil {
			b.Fatal(err)
		}
		defer os.RemoveAll(dir)
		start := time.Now()
		path := filepath.Join(dir, "pathway.db")
		buildPathway(b, path)
		if pathwayFile, err = os.ReadFile(path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built the pathway database (%d MB) in %s", len(pathwayFile)>>20, time.Since(start).Round(time.Millisecond))
	})
	if len(pathwayFile) == 0 {
		b.Fatal("the pathway database was not built")
	}
	path := filepath.Join(b.TempDir(), "pathway.db")
	if err := os.WriteFile(path, pathwayFile, 0o600); err != nil {
		b.Fatal(err)
	}
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}

// buildPathway writes the database at path and closes it.
func buildPathway(b *testing.B, path string) {
	ctx := context.Background()
	s, err := Create(ctx, path, t0)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	refs := demo.ManyReferrals(t0, 20_000)
	if _, err := s.AddReferrals(ctx, "bench", t0, refs); err != nil {
		b.Fatal(err)
	}
	var clinicians []int64
	for _, c := range demo.Clinicians() {
		id, err := s.AddClinician(ctx, "bench", t0, c)
		if err != nil {
			b.Fatal(err)
		}
		clinicians = append(clinicians, id)
	}
	cases := benchCases(pathwayToday, clinicians, refs, 1_000)
	ids, err := s.ImportCases(ctx, "bench", t0, cases)
	if err != nil {
		b.Fatal(err)
	}
	for i, id := range ids {
		e := cases[i].Release.Expected
		if e.Date.IsZero() {
			continue
		}
		// Moved, then confirmed.
		moved := domain.ReleaseDate{Date: e.Date.AddDays(7 + 7*(i%5)), Kind: e.Kind}
		for k, to := range []domain.ReleaseDate{moved, {Date: moved.Date, Kind: domain.ReleaseConfirmed, Confirmed: true}} {
			if _, err := s.ChangeRelease(ctx, "bench", t0.AddDate(0, 0, k-30+i%25), id, to, "Parole hearing moved."); err != nil {
				b.Fatalf("case %d: %v", id, err)
			}
		}
	}
	for i := range 3_000 {
		if _, err := s.RecordForumMeeting(ctx, "bench", t0, benchMeeting(ids[i%len(ids)], pathwayToday, i)); err != nil {
			b.Fatal(err)
		}
	}
}

// benchCases is n cases the team held, allocated round robin to clinicians and one in
// eight unallocated, in five kinds: a date expected in the next year, a confirmed date
// in the next two months, released in the last year, released nearly a year ago
// (discharge due), and released then recalled. The NHS numbers are valid, in the test
// range, and held by none of refs.
func benchCases(today ident.Date, clinicians []int64, refs []domain.Referral, n int) []domain.ImportedCase {
	used := make(map[ident.NHSNumber]bool, len(refs))
	for _, r := range refs {
		used[r.Person.NHSNumber] = true
	}
	body := 999_000_000
	out := make([]domain.ImportedCase, n)
	for i := range out {
		var nhs ident.NHSNumber
		for ; nhs == "" || used[nhs]; body++ {
			nhs = checkedNHS(body)
		}
		c := domain.ImportedCase{
			Person: domain.Person{GivenName: fmt.Sprint("Given", i), FamilyName: "Pathway",
				DateOfBirth: ident.MustDate(1970+i%30, time.Month(1+i%12), 1+i%28), NHSNumber: nhs},
			AcceptedOn:       today.AddDays(-400 - i%300),
			ResettlementArea: "Preston",
		}
		if i%8 != 0 {
			c.ClinicianID = clinicians[i%len(clinicians)]
		}
		if i%3 == 0 {
			c.MAPPA = &domain.ForumInvolvement{Forum: domain.ForumMAPPA, Category: domain.MAPPACategory2,
				Level: 1 + i%3, AsAt: c.AcceptedOn, Active: true}
		}
		switch i % 5 {
		case 0:
			c.Release.Expected = domain.ReleaseDate{Date: today.AddDays(10 + i%360), Kind: domain.ReleaseCRD}
		case 1:
			c.Release.Expected = domain.ReleaseDate{Date: today.AddDays(i % 60), Kind: domain.ReleasePED}
		case 2:
			c.Release.Actual = today.AddDays(-(i % 365))
		case 3:
			c.Release.Actual = today.AddDays(-340 - i%30)
		case 4:
			c.Release.Actual = today.AddDays(-150 - i%50)
			c.Release.RecalledOn = today.AddDays(-(i % 100))
		}
		out[i] = c
	}
	return out
}

// benchMeeting is the i-th meeting, about caseID: a day from a year before today to two
// months after, of every kind; a written report due five days before every other one,
// and an outcome with two actions once it has been held.
func benchMeeting(caseID int64, today ident.Date, i int) domain.ForumMeeting {
	m := domain.ForumMeeting{CaseID: caseID, Kind: domain.MeetingKinds[i%len(domain.MeetingKinds)],
		Date: today.AddDays((i*37)%425 - 365), Chair: "Lancashire Constabulary", Role: domain.RoleAttends,
		Team: "Dr Tom Halliwell", Shared: "Risk formulation summary.", LegalBasis: "Criminal Justice Act 2003 s325"}
	if i%2 == 1 {
		m.Role, m.ReportDue = domain.RoleInforms, m.Date.AddDays(-5)
	}
	if m.Date.Before(today) {
		m.Outcome = "Level confirmed; plan reviewed."
		m.Actions = []domain.ForumAction{{Text: "Send the updated formulation to the COM.", Due: m.Date.AddDays(7)},
			{Text: "Join the next professionals meeting."}}
	}
	return m
}

// checkedNHS is the NHS number of body (nine digits) under modulus 11, or "" when body
// has no valid check digit.
func checkedNHS(body int) ident.NHSNumber {
	s := fmt.Sprintf("%09d", body)
	sum := 0
	for k := range 9 {
		sum += int(s[k]-'0') * (10 - k)
	}
	switch c := 11 - sum%11; c {
	case 10:
		return ""
	case 11:
		return ident.NHSNumber(s + "0")
	default:
		return ident.NHSNumber(s + string(rune('0'+c)))
	}
}

// BenchmarkCasesOnPathway1000 reads the 1,000 open cases with their release facts and
// history, as the countdowns screen loads them.
func BenchmarkCasesOnPathway1000(b *testing.B) {
	s := pathwayStore(b)
	b.ReportAllocs()
	for b.Loop() {
		cs, err := s.CasesOnPathway(context.Background())
		if err != nil || len(cs) != 1_000 {
			b.Fatalf("%d cases, %v", len(cs), err)
		}
	}
}

// BenchmarkAgendaFacts reads what the home screen's agenda is built from, for the first
// clinician on t0's day: running clocks, the referrals awaiting consultation, every open
// case, the forum meetings around today and the clinician's drafts.
func BenchmarkAgendaFacts(b *testing.B) {
	s := pathwayStore(b)
	var f domain.AgendaFacts
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if f, err = s.AgendaFacts(context.Background(), 1, pathwayToday); err != nil || len(f.Cases) != 1_000 {
			b.Fatalf("%d cases, %v", len(f.Cases), err)
		}
	}
	b.ReportMetric(float64(len(f.Unscreened)), "unscreened")
	b.ReportMetric(float64(len(f.ToConsult)), "to-consult")
	b.ReportMetric(float64(len(f.Meetings)), "meetings")
}

// BenchmarkForumMeetingsBetween reads the meetings of the next four weeks with their
// actions, people and clinicians.
func BenchmarkForumMeetingsBetween(b *testing.B) {
	s := pathwayStore(b)
	var n int
	b.ReportAllocs()
	for b.Loop() {
		ms, err := s.ForumMeetingsBetween(context.Background(), pathwayToday, pathwayToday.AddDays(27))
		if err != nil || len(ms) == 0 {
			b.Fatalf("%d meetings, %v", len(ms), err)
		}
		n = len(ms)
	}
	b.ReportMetric(float64(n), "meetings")
}

// BenchmarkNextForums reads each open case's next meeting.
func BenchmarkNextForums(b *testing.B) {
	s := pathwayStore(b)
	var n int
	b.ReportAllocs()
	for b.Loop() {
		ms, err := s.NextForums(context.Background(), pathwayToday)
		if err != nil || len(ms) == 0 {
			b.Fatalf("%d meetings, %v", len(ms), err)
		}
		n = len(ms)
	}
	b.ReportMetric(float64(n), "cases")
}
