package demo

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// simulate applies Decisions(at) to Referrals(at) in order, through the domain functions
// the store will call, and fails the test on any action the rules would refuse or any
// that breaks the demo's own promises (order, times, indexes). It returns the referrals
// as they then stand.
func simulate(t *testing.T, at time.Time) []domain.Referral {
	t.Helper()
	london := clock.London()
	rs := Referrals(at)
	cs := Clinicians()
	for i := range rs {
		rs[i].ID = int64(i + 1)
	}
	var prev time.Time
	for k, a := range Decisions(at) {
		where := fmt.Sprintf("action %d (%s on referral %d)", k, a.Kind, a.Referral)
		if a.Referral < 0 || a.Referral >= len(rs) {
			t.Fatalf("%s: no such referral", where)
		}
		r := rs[a.Referral]
		where += " " + r.Person.Name()
		switch {
		case a.At.Before(prev):
			t.Errorf("%s at %v: out of time order, after one at %v", where, a.At, prev)
		case !a.At.After(r.ReceivedAt), !a.At.After(r.EnteredAt):
			t.Errorf("%s at %v: not after the referral was received (%v) and entered (%v)", where, a.At, r.ReceivedAt, r.EnteredAt)
		case !a.At.Before(at):
			t.Errorf("%s at %v: not before now %v", where, a.At, at)
		}
		prev = a.At
		if !slices.ContainsFunc(cs, func(c domain.Clinician) bool { return a.Actor == "demo:"+c.Name }) {
			t.Errorf("%s: actor %q is not demo: and a demo clinician", where, a.Actor)
		}
		if (a.Kind == ActionConsult && a.Consultation.Outcome == domain.ConsultAccepted) != (a.Clinician >= 0) {
			t.Errorf("%s: clinician %d", where, a.Clinician)
		}
		if a.Clinician >= len(cs) {
			t.Errorf("%s: clinician %d is not in Clinicians()", where, a.Clinician)
		}
		var err error
		switch a.Kind {
		case ActionScreen:
			rs[a.Referral], _, err = domain.Screen(r, a.Outcome, a.Reason, a.Actor, a.At)
		case ActionConsult:
			c := a.Consultation
			c.ReferralID = r.ID
			if a.Clinician >= 0 {
				c.AllocatedClinicianID = int64(a.Clinician + 1)
			}
			today := ident.DateOf(a.At.In(london))
			if c.MeetingDate.After(ident.DateOf(at.In(london))) {
				t.Errorf("%s: meeting %s after now's date", where, c.MeetingDate)
			}
			if !r.ScreenedAt.IsZero() && c.MeetingDate.Before(ident.DateOf(r.ScreenedAt.In(london))) {
				t.Errorf("%s: meeting %s before the screening on %v", where, c.MeetingDate, r.ScreenedAt)
			}
			rs[a.Referral], err = domain.Consult(r, c, today)
		case ActionWithdraw:
			rs[a.Referral], err = domain.Withdraw(r, a.Reason)
		default:
			t.Fatalf("%s: unknown kind", where)
		}
		if err != nil {
			t.Errorf("%s at %v: %v", where, a.At, err)
		}
	}
	return rs
}

// Every action passes its rule whatever the clock, including the nights the clocks
// change and a leap day: the demo command fails on the first refusal.
func TestDecisionsPassTheDomainAtAnyTime(t *testing.T) {
	nows := []time.Time{now,
		time.Date(2027, 3, 28, 0, 30, 0, 0, time.UTC),
		time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 23, 59, 0, 0, time.UTC),
	}
	// And every seven hours and a bit through a year, so every hour of the day and
	// every day of the week is met.
	for at := now; at.Before(now.AddDate(1, 0, 0)); at = at.Add(7*time.Hour + 13*time.Minute) {
		nows = append(nows, at)
	}
	for _, at := range nows {
		simulate(t, at)
		if t.Failed() {
			t.Fatalf("at %v", at)
		}
	}
}

// The stories are the ones the demo promises, and nothing in them is left unused.
func TestDecisionsTellEveryStory(t *testing.T) {
	rs := Referrals(now)
	acts := Decisions(now)
	names := map[string]bool{}
	for _, r := range rs {
		names[r.Person.Name()] = true
	}
	for name := range stories {
		if !names[name] {
			t.Errorf("story for %q, who is not a demo referral", name)
		}
	}

	type history struct {
		kinds    []string
		screened *Action
	}
	hs := make([]history, len(rs))
	var accepted, notAccepted, deferred int
	var inLate, outLate, outWithReason, inWithReason, inWithout, attendeeAgencies int
	clinicians := map[int]bool{}
	for k := range acts {
		a := &acts[k]
		h := &hs[a.Referral]
		r := rs[a.Referral]
		switch a.Kind {
		case ActionScreen:
			h.kinds = append(h.kinds, "screen-"+string(a.Outcome))
			h.screened = a
			late := a.At.Sub(r.ReceivedAt) > domain.ScreeningWindow
			switch {
			case a.Outcome == domain.ScreenedIn && late:
				inLate++
			case a.Outcome == domain.ScreenedOut && late:
				outLate++
			}
			switch {
			case a.Outcome == domain.ScreenedOut && a.Reason != "":
				outWithReason++
			case a.Reason != "":
				inWithReason++
			default:
				inWithout++
			}
		case ActionConsult:
			c := a.Consultation
			h.kinds = append(h.kinds, string(c.Outcome))
			switch c.Outcome {
			case domain.ConsultAccepted:
				accepted++
				clinicians[a.Clinician] = true
			case domain.ConsultNotAccepted:
				notAccepted++
			case domain.ConsultDeferred:
				deferred++
				if !c.NextMeetingDate.After(c.MeetingDate) {
					t.Errorf("%s: deferred to %s from %s", r.Person.Name(), c.NextMeetingDate, c.MeetingDate)
				}
			}
			roles := ""
			for _, at := range c.Attendees {
				roles += at.Role + "|"
				if at.Agency != "" && at.Agency != serviceAgency {
					attendeeAgencies++
				}
			}
			for _, want := range []string{"(COM)", "(chair)"} {
				if !strings.Contains(roles, want) {
					t.Errorf("%s: meeting on %s has no %s: %s", r.Person.Name(), c.MeetingDate, want, roles)
				}
			}
		case ActionWithdraw:
			h.kinds = append(h.kinds, "withdraw")
		}
	}
	got := map[string]int{}
	for _, h := range hs {
		got[strings.Join(h.kinds, ",")]++
	}
	for _, want := range []string{"", "screen-in", "screen-out", "screen-in,accepted", "screen-in,not-accepted",
		"screen-in,deferred", "screen-in,deferred,accepted", "withdraw", "screen-in,withdraw"} {
		if got[want] == 0 {
			t.Errorf("no referral's story is %q; stories: %v", want, got)
		}
	}
	if accepted < 3 || len(clinicians) < 3 || notAccepted != 1 || deferred < 2 {
		t.Errorf("accepted %d (by %d clinicians), not accepted %d, deferred %d", accepted, len(clinicians), notAccepted, deferred)
	}
	if inLate != 1 || outLate != 1 {
		t.Errorf("screened in late %d, out late %d; want one of each", inLate, outLate)
	}
	if outWithReason < 5 || inWithReason < 3 || inWithout < 5 {
		t.Errorf("screened out with reasons %d, in with reasons %d, in without %d", outWithReason, inWithReason, inWithout)
	}
	if attendeeAgencies < 5 {
		t.Errorf("only %d attendees from other agencies", attendeeAgencies)
	}
	// A withdrawal before screening is the one about the move to Leeds.
	for _, a := range acts {
		if a.Kind == ActionWithdraw && hs[a.Referral].screened == nil && !strings.Contains(a.Reason, "HMP Manchester") {
			t.Errorf("withdrawn before screening: %q", a.Reason)
		}
	}
}

// Screening in what the checklist does not find eligible says why; an eligible one
// needs no reason. The screened-out ones are the not-eligible ones.
func TestScreeningReasonsFitTheVerdicts(t *testing.T) {
	rs := Referrals(now)
	for _, a := range Decisions(now) {
		if a.Kind != ActionScreen {
			continue
		}
		r := rs[a.Referral]
		v := domain.CheckEligibility(r, a.At).Verdict
		switch {
		case a.Outcome == domain.ScreenedOut && v != domain.NotEligible:
			t.Errorf("%s: screened out while %s", r.Person.Name(), v)
		case a.Outcome == domain.ScreenedIn && v == domain.NotEligible:
			t.Errorf("%s: screened in while not eligible", r.Person.Name())
		case a.Outcome == domain.ScreenedIn && (v == domain.Eligible) != (a.Reason == ""):
			t.Errorf("%s: screened in, %s, with reason %q", r.Person.Name(), v, a.Reason)
		}
	}
}

func TestClinicianIndexes(t *testing.T) {
	cs := Clinicians()
	if cs[lead].Role != "lead" || cs[assistant].Role != "assistant psychologist" || cs[nurse].Role != "nurse" ||
		cs[tom].Role != "clinical psychologist" || cs[niamh].Role != "clinical psychologist" {
		t.Errorf("the index constants do not match Clinicians(): %+v", cs)
	}
}
