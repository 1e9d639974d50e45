package store

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/report"
)

// reportDB builds, through the store's own decisions at fixed instants, the referrals
// and cases TestReportOnAHandBuiltDatabase works its answers out from.
func reportDB(t *testing.T) (*Store, team) {
	t.Helper()
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	at := func(v string) time.Time {
		x, err := time.Parse(time.RFC3339, v)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	day := func(v string) ident.Date { d, _ := ident.ParseDate(v); return d }
	add := func(i int, received string, edit func(*domain.Referral)) int64 {
		r := eligibleReferral(t)
		r.Person.NHSNumber = testNHS(700 + i)
		r.ReceivedAt = at(received)
		r.EnteredAt = r.ReceivedAt.Add(10 * time.Minute)
		edit(&r)
		return mustAdd(t, s, r)
	}
	none := func(*domain.Referral) {}
	screen := func(id int64, o domain.ScreeningOutcome, when, reason string) {
		if _, err := s.ScreenReferral(ctx, "os:alice", at(when), id, o, reason); err != nil {
			t.Fatalf("screening %d: %v", id, err)
		}
	}
	consult := func(id int64, o domain.ConsultationOutcome, on string) int64 {
		c := meeting(id, o, tm.clinician)
		c.MeetingDate = day(on)
		_, caseID, err := s.RecordConsultation(ctx, "os:bob", day(on).In(time.UTC).Add(15*time.Hour), c)
		if err != nil {
			t.Fatalf("consultation on %d: %v", id, err)
		}
		return caseID
	}
	closeOn := func(caseID int64, on string, reason domain.ClosingReason) {
		d := fullSummary(caseID)
		d.Closure.On, d.Closure.Reason = day(on), reason
		signAt := day(on).In(time.UTC).Add(12 * time.Hour)
		saved, err := s.SaveDischargeDraft(ctx, tm.clinician, signAt, d)
		if err == nil {
			_, err = s.CloseCase(ctx, tm.clinician, signAt, saved.ID, saved.Revision)
		}
		if err != nil {
			t.Fatalf("closing case %d: %v", caseID, err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	measure := func(caseID int64, point domain.TimePoint, on string, item int) {
		t.Helper()
		m := core10(caseID, point, item)
		m.TakenOn = day(on)
		_, err := s.RecordMeasure(ctx, tm.clinician, day(on).In(time.UTC).Add(14*time.Hour), m, nil)
		must(err)
	}
	gp := func(caseID int64, on string, yes domain.YesNo, registered string) {
		t.Helper()
		o := domain.TransitionOutcome{CaseID: caseID, Point: domain.PointRelease, GPRegistered: yes, GPRegisteredOn: day(registered)}
		_, err := s.RecordTransitionOutcome(ctx, tm.clinician, day(on).In(time.UTC).Add(16*time.Hour), o, 0)
		must(err)
	}
	// R7, before the period: received, screened and accepted in September; released 1
	// October, registered with a GP on 20 September; CORE-10 20 on 15 September and 10
	// on 10 October (reliably better); closed 15 October, reopened 20 October; recalled
	// 25 November.
	r7 := add(7, "2026-09-01T09:00:00Z", none)
	screen(r7, domain.ScreenedIn, "2026-09-02T09:00:00Z", "")
	c7 := consult(r7, domain.ConsultAccepted, "2026-09-10")
	measure(c7, domain.PointAcceptance, "2026-09-15", 2)
	must(s.RecordRelease(ctx, "os:alice", at("2026-10-01T12:00:00Z"), c7, day("2026-10-01")))
	gp(c7, "2026-10-01", domain.Yes, "2026-09-20")
	measure(c7, domain.PointRelease, "2026-10-10", 1)
	closeOn(c7, "2026-10-15", domain.ClosedDisengaged)
	_, err := s.ReopenCase(ctx, tm.lead, at("2026-10-20T10:00:00Z"), c7, "Back in touch through the COM")
	must(err)
	must(s.RecordRecall(ctx, "os:alice", at("2026-11-25T10:00:00Z"), c7, day("2026-11-25"), "Licence breach"))
	// R3: received 30 September (outside), screened in 1 October after 23 hours,
	// withdrawn 20 October.
	r3 := add(3, "2026-09-30T10:00:00Z", none)
	screen(r3, domain.ScreenedIn, "2026-10-01T09:00:00Z", "")
	must(s.WithdrawReferral(ctx, "os:alice", at("2026-10-20T12:00:00Z"), r3, "Moved out of the area before screening ended"))
	// R5: received 5 October, screened in after 24 hours, not accepted 19 October.
	r5 := add(5, "2026-10-05T09:00:00Z", func(r *domain.Referral) { r.PriorityGroup = 1 })
	screen(r5, domain.ScreenedIn, "2026-10-06T09:00:00Z", "")
	consult(r5, domain.ConsultNotAccepted, "2026-10-19")
	// R1: received Friday 23 October 10:00Z, screened in on Sunday 25 October 10:30Z
	// after the clocks went back: 48h30m elapsed (47h30m on the wall clock), late.
	// Accepted 2 November, CORE-10 10 on 3 November, released 5 November not registered
	// with a GP, closed 20 November.
	r1 := add(1, "2026-10-23T10:00:00Z", none)
	screen(r1, domain.ScreenedIn, "2026-10-25T10:30:00Z", "")
	c1 := consult(r1, domain.ConsultAccepted, "2026-11-02")
	measure(c1, domain.PointAcceptance, "2026-11-03", 1)
	must(s.RecordRelease(ctx, "os:alice", at("2026-11-05T12:00:00Z"), c1, day("2026-11-05")))
	gp(c1, "2026-11-05", domain.No, "")
	closeOn(c1, "2026-11-20", domain.ClosedCompleted)
	// R2: a self-referral received on 31 October, the month's last day, at 23:30 GMT,
	// screened out next morning after 9h30m: the source criterion fails.
	r2 := add(2, "2026-10-31T23:30:00Z", func(r *domain.Referral) { r.Source = domain.SourceSelf })
	screen(r2, domain.ScreenedOut, "2026-11-01T09:00:00Z", "Self-referrals are not taken: signposted to the GP")
	// R4: received 10 November, not screened. R8: received 1 December, after the period.
	add(4, "2026-11-10T09:00:00Z", func(r *domain.Referral) { r.Source = domain.SourceOPD; r.PriorityGroup = domain.NoPriorityGroup })
	add(8, "2026-12-01T09:00:00Z", none)
	return s, tm
}

// The report over October and November 2026 of reportDB, worked out by hand:
//
// Received (London day): R1, R2 (31 Oct 23:30 GMT), R5 in October, R4 in November: 4.
// Screened: R3 23h, R5 24h, R1 48h30m (late), all in October; R2 9h30m in November,
// though received in October. 4 screened, 3 within 48 hours (75%); hours 9.5, 23, 24,
// 48.5: median 23.5. October 3 screened, 2 within, median 24; November 1 of 1, 9.5.
// Decisions: in 3 (R1, R3, R5), out 1 (source); accepted 1 (R1), not accepted 1 (R5);
// withdrawn 1 (R3). Days to the decision: R1 23 Oct to 2 Nov 10, R5 5 to 19 Oct 14:
// median 12, 90th centile 14.
// Open at the end of October: R7's case (reopened 20 Oct; released 1 Oct): post-release.
// At the end of November: R7's, recalled 25 Nov; R1's closed on the 20th.
// Releases: R7's 1 Oct and R1's 5 Nov. Recalls: R7's. Discharges: R1's, completed; R7's
// disengaged closing was reopened, so it does not count.
// Outcomes: CORE-10 for R7's case only (R1's has no later score): 20 to 10, -10,
// reliably improved. GP by release day: R7's yes (registered 20 Sep, before 1 Oct),
// R1's no: 1 of 2 recorded, 50%.
func TestReportOnAHandBuiltDatabase(t *testing.T) {
	s, tm := reportDB(t)
	from, to := ident.MustDate(2026, 10, 1), ident.MustDate(2026, 11, 30)
	f, err := s.ReportFacts(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Referrals) != 6 {
		t.Errorf("%d referrals read, want the 6 received by the period's end", len(f.Referrals))
	}
	r := report.Build(f, from, to)
	fig := func(v float64) *float64 { return &v }
	check := func(what string, got, want any) {
		t.Helper()
		if g, w := jsonOf(t, got), jsonOf(t, want); g != w {
			t.Errorf("%s:\n got %s\nwant %s", what, g, w)
		}
	}
	check("received", []int{r.Referrals.Received, r.Referrals.ByMonth[0].Count, r.Referrals.ByMonth[1].Count}, []int{4, 3, 1})
	check("screening", r.Screening, report.Screening{Screened: 4, Within48h: 3, PercentWithin48h: fig(75), MedianHours: fig(23.5),
		ByMonth: []report.ScreeningMonth{
			{Month: "2026-10", Screened: 3, Within48h: 2, PercentWithin48h: fig(66.7), MedianHours: fig(24)},
			{Month: "2026-11", Screened: 1, Within48h: 1, PercentWithin48h: fig(100), MedianHours: fig(9.5)}}})
	d := r.Decisions
	check("decisions", []int{d.ScreenedIn, d.ScreenedOut, d.ScreenedOutReasons[0].Count, d.Accepted, d.NotAccepted, d.Withdrawn},
		[]int{3, 1, 1, 1, 1, 1})
	check("days to consultation", r.DaysToConsultation, report.Spread{Count: 2, Median: fig(12), P90: fig(14)})
	phase := func(m report.MonthCaseload) map[string]int {
		out := map[string]int{"open": m.Open}
		for _, p := range m.ByPhase {
			if p.Count > 0 {
				out[p.Key] = p.Count
			}
		}
		return out
	}
	check("caseload at October's end", phase(r.CaseloadByMonth[0]), map[string]int{"open": 1, "post-release": 1})
	check("caseload at November's end", phase(r.CaseloadByMonth[1]), map[string]int{"open": 1, "recalled": 1})
	check("releases", []int{r.Releases.Count, r.Releases.First, r.Recalls.Count}, []int{2, 2, 1})
	check("discharges", []any{r.Discharges.Count, r.Discharges.ByReason[0]},
		[]any{1, report.Tally{Key: "completed", Label: "support completed", Count: 1}})
	core := r.Outcomes.Measures[0]
	check("CORE-10", core, report.MeasureOutcome{Measure: "core-10", Name: "CORE-10", People: 1, MeanChange: fig(-10),
		ReliablyImproved: 1, PercentImproved: fig(100), PercentWorse: fig(0)})
	check("GP", r.Outcomes.GPRegisteredRelease, report.GPRegistration{Released: 2, Recorded: 2, Registered: 1, Percent: fig(50)})
	if len(r.ByClinician) == 0 || r.ByClinician[0].ClinicianID != tm.clinician || r.ByClinician[0].Accepted != 1 {
		t.Errorf("by clinician %+v, want Dr Tom Halliwell with R1's case accepted in the period", r.ByClinician)
	}
}

// A period the store cannot read is refused in a sentence, before any read.
func TestReportFactsRefusesABadPeriod(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	_, err := s.ReportFacts(ctx, ident.MustDate(2026, 11, 30), ident.MustDate(2026, 10, 1))
	if !errors.Is(err, ErrInvalid) || err.Error() == "" {
		t.Errorf("backwards period: %v, want ErrInvalid", err)
	}
	if _, err := s.ReportFacts(ctx, ident.Date{}, ident.MustDate(2026, 10, 1)); !errors.Is(err, ErrInvalid) {
		t.Errorf("no start: %v, want ErrInvalid", err)
	}
}

// jsonOf is v as JSON, so figures compare by what they say (a nil figure and a 0 differ).
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
