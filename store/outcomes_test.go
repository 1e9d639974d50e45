package store

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// core10 is a CORE-10 on caseID at point, every item scored v.
func core10(caseID int64, point domain.TimePoint, v int) domain.MeasureScore {
	answers := make([]int, 10)
	for i := range answers {
		answers[i] = v
	}
	return domain.MeasureScore{CaseID: caseID, Measure: "core-10", Point: point, TakenOn: ident.DateOf(t0), Answers: answers}
}

func TestRecordMeasureSignsAndNeverTwice(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	caseID := openCase(t, s, tm.clinician, 0)
	first, err := s.RecordMeasure(ctx, tm.clinician, t0, core10(caseID, domain.PointAcceptance, 2), nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Total() != 20 || first.Version != "1.0" || first.Hash != domain.MeasureScoreHash(first) || first.RecordedByName != "Dr Tom Halliwell" {
		t.Fatalf("recorded %+v", first)
	}
	// A colleague at another terminal records the same measure at the same point.
	other := secondHandle(t, s)
	_, err = other.RecordMeasure(ctx, tm.lead, t0.Add(time.Minute), core10(caseID, domain.PointAcceptance, 3), nil)
	wantErr(t, "a second CORE-10 at acceptance", err,
		"CORE-10 at acceptance was recorded on this case by Dr Tom Halliwell on 24 Nov 2026 at 09:00: correct that score rather than record it twice", ErrConflict)
	// Between time points, as often as needed.
	for i := 0; i < 2; i++ {
		if _, err := s.RecordMeasure(ctx, tm.clinician, t0, core10(caseID, "", 1), nil); err != nil {
			t.Fatal(err)
		}
	}
	// A correction names the score it replaces and why.
	fix := core10(caseID, domain.PointAcceptance, 1)
	fix.Replaces = first.ID
	_, err = s.RecordMeasure(ctx, tm.clinician, t0, fix, nil)
	wantErr(t, "a correction without why", err, "say why the earlier score is corrected", ErrInvalid)
	fix.Why = "item scores entered from the wrong form"
	fixed, err := other.RecordMeasure(ctx, tm.lead, t0.Add(2*time.Minute), fix, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The same correction again, from a screen that still showed the first score.
	_, err = s.RecordMeasure(ctx, tm.clinician, t0.Add(3*time.Minute), fix, nil)
	wantErr(t, "correcting a score already corrected", err, "no longer the one that stands", ErrConflict)
	all, err := s.MeasureScores(ctx, caseID)
	if err != nil || len(all) != 4 {
		t.Fatalf("MeasureScores = %d, %v", len(all), err)
	}
	for _, m := range all {
		if m.ID == first.ID && m.ReplacedBy != fixed.ID {
			t.Errorf("the first score's ReplacedBy = %d, want %d", m.ReplacedBy, fixed.ID)
		}
		if m.Hash != domain.MeasureScoreHash(m) {
			t.Errorf("score %d as read does not hold to its signature", m.ID)
		}
	}
	refusedSQL(t, s, "a signed measure cannot be changed", "UPDATE measure_scores SET total = 0")
	refusedSQL(t, s, "a signed measure cannot be deleted", "DELETE FROM measure_scores")
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("verify after recording measures: %v", err)
	}
}

func TestRecordMeasureRefuses(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	caseID := openCase(t, s, tm.clinician, 0)
	tomorrow := core10(caseID, domain.PointRelease, 1)
	tomorrow.TakenOn = ident.DateOf(t0).AddDays(1)
	unknown := core10(caseID, domain.PointRelease, 1)
	unknown.Measure = "phq-9"
	twoMissing := core10(caseID, domain.PointRelease, 1)
	twoMissing.Answers[0], twoMissing.Answers[1] = domain.MissingAnswer, domain.MissingAnswer
	tests := []struct {
		name   string
		m      domain.MeasureScore
		totals map[string]float64
		by     int64
		want   string
		kind   error
	}{
		{"taken tomorrow", tomorrow, nil, tm.clinician, "cannot have been taken after today", ErrInvalid},
		{"a measure the app has not", unknown, nil, tm.clinician, `"phq-9" is not a measure the app has`, ErrInvalid},
		{"two items missing", twoMissing, nil, tm.clinician, "at most 1 item unanswered: 2 are", ErrInvalid},
		{"IT cannot record clinical records", core10(caseID, domain.PointRelease, 1), nil, tm.admin, "", ErrForbidden},
		{"no such case", core10(caseID+99, domain.PointRelease, 1), nil, tm.clinician, "does not exist", ErrNotFound},
		{"HoNOS-secure over its range", domain.MeasureScore{CaseID: caseID, Measure: "honos-secure", TakenOn: ident.DateOf(t0)},
			map[string]float64{"total": 60}, tm.clinician, "a whole number from 0 to 48, not 60", ErrInvalid},
	}
	for _, tt := range tests {
		_, err := s.RecordMeasure(ctx, tt.by, t0, tt.m, tt.totals)
		wantErr(t, tt.name, err, tt.want, tt.kind)
	}
	if n := count(t, s, "measure_scores"); n != 0 {
		t.Errorf("%d scores written by refused saves", n)
	}
	honos, err := s.RecordMeasure(ctx, tm.clinician, t0, domain.MeasureScore{CaseID: caseID, Measure: "honos-secure",
		Point: domain.PointRelease, TakenOn: ident.DateOf(t0)}, map[string]float64{"total": 14, "security": 9})
	if err != nil || honos.Answers != nil || honos.Total() != 14 {
		t.Fatalf("HoNOS-secure by totals = %+v, %v", honos, err)
	}
	// A closed case takes its discharge measures, and nothing else.
	closeWith(t, s, tm.clinician, fullSummary(caseID))
	_, err = s.RecordMeasure(ctx, tm.clinician, t0.Add(2*time.Hour), core10(caseID, domain.PointRelease, 1), nil)
	wantErr(t, "at release on a closed case", err, "is closed", ErrConflict)
	if _, err := s.RecordMeasure(ctx, tm.clinician, t0.Add(2*time.Hour), core10(caseID, domain.PointDischarge, 1), nil); err != nil {
		t.Errorf("the discharge CORE-10 after closing: %v", err)
	}
}

func TestTransitionOutcomeRefusesWhatItDidNotSee(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	caseID := openCase(t, s, tm.clinician, 0)
	at := domain.TransitionOutcome{CaseID: caseID, Point: domain.PointRelease, GPRegistered: domain.Yes,
		GPRegisteredOn: ident.DateOf(t0), Accommodation: domain.AccommodationAP, MentalHealth: domain.LinkReferred}
	first, err := s.RecordTransitionOutcome(ctx, tm.clinician, t0, at, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The lead's form was opened before the first was recorded.
	lead := at
	lead.Accommodation = domain.AccommodationTemporary
	_, err = secondHandle(t, s).RecordTransitionOutcome(ctx, tm.lead, t0.Add(time.Minute), lead, 0)
	wantErr(t, "an outcome recorded since it was shown", err, "Dr Tom Halliwell recorded the outcome at release on 24 Nov 2026 at 09:00 since it was shown", ErrConflict)
	if _, err := s.RecordTransitionOutcome(ctx, tm.lead, t0.Add(time.Minute), lead, first.ID); err != nil {
		t.Fatalf("recording again having seen the first: %v", err)
	}
	bad := domain.TransitionOutcome{CaseID: caseID, Point: domain.PointRelease, Recalled: domain.Yes}
	_, err = s.RecordTransitionOutcome(ctx, tm.clinician, t0, bad, 0)
	wantErr(t, "recall at release", err, "recall is not recorded at release", ErrInvalid)
	all, err := s.TransitionOutcomes(ctx, caseID)
	if err != nil || len(all) != 2 || all[1].Accommodation != domain.AccommodationTemporary || all[0].GPRegisteredOn != ident.DateOf(t0) {
		t.Fatalf("TransitionOutcomes = %+v, %v", all, err)
	}
	refusedSQL(t, s, "kept as recorded", "UPDATE transition_outcomes SET rosh = 'low'", "DELETE FROM transition_outcomes")
}

func TestRiskJudgementsAndWordings(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	caseID := openCase(t, s, tm.clinician, 0)
	j := domain.RiskJudgement{CaseID: caseID, CasePrioritisation: domain.RiskHigh, SeriousHarm: domain.RiskHigh,
		ImminentViolence: domain.RiskModerate, AssessedOn: ident.DateOf(t0), Assessor: " Dr Test Assessor ",
		ReviewOn: ident.DateOf(t0).AddDays(182), Formulation: "Violence most likely when ..."}
	signed, err := s.RecordRiskJudgement(ctx, tm.clinician, t0, j)
	if err != nil || signed.Hash != domain.RiskJudgementHash(signed) || signed.Assessor != "Dr Test Assessor" {
		t.Fatalf("RecordRiskJudgement = %+v, %v", signed, err)
	}
	j.ImminentViolence = ""
	_, err = s.RecordRiskJudgement(ctx, tm.clinician, t0, j)
	wantErr(t, "a rating missing", err, "rate imminent violence as low, moderate or high", ErrInvalid)
	read, err := s.RiskJudgements(ctx, caseID)
	if err != nil || len(read) != 1 || read[0].Hash != domain.RiskJudgementHash(read[0]) || read[0].ReviewOn != signed.ReviewOn {
		t.Fatalf("RiskJudgements = %+v, %v", read, err)
	}

	err = s.SetMeasureWordings(ctx, actorOf(tm.clinician), t0, "core-10", map[int]string{1: "wording"})
	wantErr(t, "a clinician entering wording", err, "", ErrForbidden)
	err = s.SetMeasureWordings(ctx, actorOf(tm.lead), t0, "core-10", map[int]string{11: "wording"})
	wantErr(t, "an item CORE-10 has not", err, "items 1 to 10", ErrInvalid)
	err = s.SetMeasureWordings(ctx, actorOf(tm.lead), t0, "swemwbs", map[int]string{1: "wording"})
	wantErr(t, "wording of a totals measure", err, "recorded as totals", ErrInvalid)
	for _, w := range []string{"first wording", "the service's wording"} {
		if err := s.SetMeasureWordings(ctx, actorOf(tm.lead), t0, "core-10", map[int]string{3: w, 4: "four"}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.MeasureWordings(ctx)
	if err != nil || got["core-10"][3] != "the service's wording" || got["core-10"][4] != "four" || len(got["core-10"]) != 2 {
		t.Fatalf("MeasureWordings = %v, %v", got, err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("verify: %v", err)
	}
}

// Today's facts carry what was taken on the reader's open cases and the service's
// time points.
func TestAgendaFactsMeasures(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	mine := openCase(t, s, tm.clinician, 0)
	theirs := openCase(t, s, tm.lead, 1)
	for _, c := range []struct {
		id, by int64
	}{{mine, tm.clinician}, {theirs, tm.lead}} {
		if _, err := s.RecordMeasure(ctx, c.by, t0, core10(c.id, domain.PointAcceptance, 1), nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SetSetting(ctx, actorOf(tm.lead), t0, domain.SettingMeasureTimePoints, "release,discharge"); err != nil {
		t.Fatal(err)
	}
	f, err := s.AgendaFacts(ctx, tm.clinician, t0)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.MeasuresTaken) != 1 || f.MeasuresTaken[0] != (domain.MeasureTaken{CaseID: mine, Measure: "core-10", Point: domain.PointAcceptance}) {
		t.Errorf("MeasuresTaken = %+v", f.MeasuresTaken)
	}
	if len(f.MeasurePoints) != 2 || f.MeasurePoints[0] != domain.PointRelease {
		t.Errorf("MeasurePoints = %v", f.MeasurePoints)
	}
	for _, c := range f.Cases {
		if c.OpenedAt.IsZero() {
			t.Errorf("case %d read without the day it opened", c.CaseID)
		}
	}
}
