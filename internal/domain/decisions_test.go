package domain

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/ident"
)

// allowed is the referral pathway of docs/RULES.md, "Suitability and the referral's states", written out pair by pair so the
// state machine is checked against the reference rather than against itself. A
// consultation recorded on a screened-in referral decides it directly, or defers it.
var allowed = map[[2]ReferralStatus]bool{
	{StatusReceived, StatusScreenedIn}:       true,
	{StatusReceived, StatusScreenedOut}:      true,
	{StatusReceived, StatusWithdrawn}:        true,
	{StatusScreenedIn, StatusConsultation}:   true,
	{StatusScreenedIn, StatusAccepted}:       true,
	{StatusScreenedIn, StatusNotAccepted}:    true,
	{StatusScreenedIn, StatusWithdrawn}:      true,
	{StatusConsultation, StatusConsultation}: true,
	{StatusConsultation, StatusAccepted}:     true,
	{StatusConsultation, StatusNotAccepted}:  true,
	{StatusConsultation, StatusWithdrawn}:    true,
}

var finals = []ReferralStatus{StatusScreenedOut, StatusAccepted, StatusNotAccepted, StatusWithdrawn}

func TestCheckTransitionEveryPair(t *testing.T) {
	for _, from := range Statuses {
		for _, to := range Statuses {
			err := CheckTransition(from, to)
			if allowed[[2]ReferralStatus{from, to}] {
				if err != nil {
					t.Errorf("%s → %s refused: %v", from, to, err)
				}
				continue
			}
			if !errors.Is(err, ErrTransition) {
				t.Errorf("%s → %s: %v, want ErrTransition", from, to, err)
				continue
			}
			want := "a referral that is " + from.Label() + " cannot become " + to.Label()
			if slices.Contains(finals, from) {
				want = "the referral is " + from.Label() + ", which is final"
			}
			if !strings.HasSuffix(err.Error(), want) {
				t.Errorf("%s → %s: %q, want it to end %q", from, to, err, want)
			}
		}
	}
}

func TestStatusOpen(t *testing.T) {
	for _, s := range Statuses {
		if want := !slices.Contains(finals, s); s.Open() != want {
			t.Errorf("%s.Open() = %v", s, s.Open())
		}
	}
}

// screenAt is 20 hours after the eligible referral arrived: within the 48.
var screenAt = eligibleReferral().ReceivedAt.Add(20*time.Hour + 30*time.Second + 400*time.Millisecond)

func TestScreen(t *testing.T) {
	incomplete := func(r *Referral) { r.RoSH = "" }
	notEligible := func(r *Referral) { r.Source = SourceSelf }
	tests := []struct {
		name    string
		change  func(*Referral)
		outcome ScreeningOutcome
		reason  string
		want    ReferralStatus
		err     string // part of the message; "" for none
	}{
		{"in, eligible, no reason needed", func(*Referral) {}, ScreenedIn, "", StatusScreenedIn, ""},
		{"in, eligible, with a note", func(*Referral) {}, ScreenedIn, "Clear fit.", StatusScreenedIn, ""},
		{"out without a reason", func(*Referral) {}, ScreenedOut, "  ", "", "give the reason for screening out"},
		{"out with a reason", notEligible, ScreenedOut, "Self-referral; signposted to GP.", StatusScreenedOut, ""},
		{"out of an eligible referral, with a reason", func(*Referral) {}, ScreenedOut, "Already open to another service.", StatusScreenedOut, ""},
		{"in, incomplete, no reason", incomplete, ScreenedIn, "", "", "the referral is incomplete (risk): give the reason for screening it in"},
		{"in, incomplete, with a reason", incomplete, ScreenedIn, "OASys due this week; COM reports High.", StatusScreenedIn, ""},
		{"in, not eligible, no reason", notEligible, ScreenedIn, "\t", "", "the referral is not-eligible (source): give the reason for screening it in"},
		{"in, not eligible, with a reason", notEligible, ScreenedIn, "Re-referred by the COM by phone.", StatusScreenedIn, ""},
		{"not an outcome", func(*Referral) {}, "maybe", "x", "", `"maybe" is not a screening outcome`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := eligibleReferral()
			tt.change(&before)
			after, d, err := Screen(before, tt.outcome, tt.reason, "Dr Ada Okoro", screenAt)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				if !reflect.DeepEqual(after, before) || !reflect.DeepEqual(d, ScreeningDecision{}) {
					t.Errorf("a refused decision changed something: %+v, %+v", after, d)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			stamp := screenAt.UTC().Truncate(time.Second)
			if after.Status != tt.want || !after.ScreenedAt.Equal(stamp) {
				t.Errorf("referral now %s screened at %v", after.Status, after.ScreenedAt)
			}
			want := ScreeningDecision{ReferralID: 7, Outcome: tt.outcome, Reason: strings.TrimSpace(tt.reason),
				DecidedBy: "Dr Ada Okoro", DecidedAt: stamp, EnteredAt: stamp, Checklist: CheckEligibility(before, screenAt), WithinWindow: true,
				WithinDeadline: true, DeadlineRule: Deadline48Hours}
			if !reflect.DeepEqual(d, want) {
				t.Errorf("decision %+v\nwant     %+v", d, want)
			}
		})
	}
}

func TestScreenTwiceIsRefused(t *testing.T) {
	for _, from := range []ReferralStatus{StatusScreenedIn, StatusScreenedOut, StatusConsultation, StatusAccepted, StatusNotAccepted, StatusWithdrawn} {
		for _, outcome := range []ScreeningOutcome{ScreenedIn, ScreenedOut} {
			r := eligibleReferral()
			r.Status = from
			if _, _, err := Screen(r, outcome, "reason", "Dr Ada Okoro", screenAt); !errors.Is(err, ErrTransition) {
				t.Errorf("screen %s from %s: %v, want ErrTransition", outcome, from, err)
			}
		}
	}
}

func TestScreenWithinWindow(t *testing.T) {
	received := eligibleReferral().ReceivedAt
	tests := []struct {
		after time.Duration
		want  bool
	}{
		{time.Minute, true},
		{48 * time.Hour, true},
		{48*time.Hour + 999*time.Millisecond, true}, // the decision is stamped to the second
		{48*time.Hour + time.Second, false},
		{70 * time.Hour, false},
	}
	for _, tt := range tests {
		_, d, err := Screen(eligibleReferral(), ScreenedIn, "", "Dr Ada Okoro", received.Add(tt.after))
		if err != nil {
			t.Fatal(err)
		}
		if d.WithinWindow != tt.want {
			t.Errorf("screened %v after arrival: WithinWindow = %v, want %v", tt.after, d.WithinWindow, tt.want)
		}
	}
}

var meetingDay = ident.MustDate(2027, 3, 10)

func consultation(outcome ConsultationOutcome) Consultation {
	c := Consultation{
		ID: 3, ReferralID: 7, MeetingDate: meetingDay, Outcome: outcome,
		Attendees: []Attendee{
			{Name: "Sam Carter", Role: "COM", Agency: "Probation Service"},
			{Name: "Dr Ada Okoro", Role: "clinical psychologist", Agency: "Enhanced RECONNECT"},
		},
		Rationale: "Formulation suggests the pathway fits.", RecordedBy: "Dr Ada Okoro",
	}
	switch outcome {
	case ConsultAccepted:
		c.AllocatedClinicianID = 2
	case ConsultDeferred:
		c.NextMeetingDate = meetingDay.AddDays(14)
	}
	return c
}

func TestConsultOutcomes(t *testing.T) {
	tests := []struct {
		from    ReferralStatus
		outcome ConsultationOutcome
		want    ReferralStatus
	}{
		{StatusScreenedIn, ConsultAccepted, StatusAccepted},
		{StatusScreenedIn, ConsultNotAccepted, StatusNotAccepted},
		{StatusScreenedIn, ConsultDeferred, StatusConsultation},
		{StatusConsultation, ConsultAccepted, StatusAccepted},
		{StatusConsultation, ConsultNotAccepted, StatusNotAccepted},
		{StatusConsultation, ConsultDeferred, StatusConsultation},
	}
	for _, tt := range tests {
		r := eligibleReferral()
		r.Status = tt.from
		got, err := Consult(r, consultation(tt.outcome), meetingDay)
		if err != nil {
			t.Errorf("%s from %s: %v", tt.outcome, tt.from, err)
			continue
		}
		if got.Status != tt.want {
			t.Errorf("%s from %s: now %s, want %s", tt.outcome, tt.from, got.Status, tt.want)
		}
	}
}

func TestConsultRefusals(t *testing.T) {
	tests := []struct {
		name    string
		from    ReferralStatus
		outcome ConsultationOutcome
		change  func(*Consultation)
		err     string
	}{
		{"not an outcome", StatusScreenedIn, "maybe", func(*Consultation) {}, `"maybe" is not a consultation outcome`},
		{"not yet screened", StatusReceived, ConsultAccepted, func(*Consultation) {}, "cannot become accepted"},
		{"screened out", StatusScreenedOut, ConsultAccepted, func(*Consultation) {}, "screened out, which is final"},
		{"already accepted", StatusAccepted, ConsultDeferred, func(*Consultation) {}, "accepted, which is final"},
		{"no meeting date", StatusScreenedIn, ConsultAccepted, func(c *Consultation) { c.MeetingDate = ident.Date{} }, "give the date of the meeting"},
		{"meeting in the future", StatusScreenedIn, ConsultAccepted, func(c *Consultation) { c.MeetingDate = meetingDay.AddDays(1) },
			"the meeting date 2027-03-11 is in the future"},
		{"no attendees", StatusScreenedIn, ConsultNotAccepted, func(c *Consultation) { c.Attendees = nil }, "list who attended"},
		{"no rationale", StatusScreenedIn, ConsultNotAccepted, func(c *Consultation) { c.Rationale = " \n " }, "give the rationale"},
		{"accepted without a clinician", StatusScreenedIn, ConsultAccepted, func(c *Consultation) { c.AllocatedClinicianID = 0 },
			"name the clinician the case is allocated to"},
		{"deferred without a next meeting", StatusScreenedIn, ConsultDeferred, func(c *Consultation) { c.NextMeetingDate = ident.Date{} },
			"give the date of the next meeting"},
		{"deferred to the same day", StatusConsultation, ConsultDeferred, func(c *Consultation) { c.NextMeetingDate = meetingDay },
			"give the date of the next meeting, after this one"},
		{"attendee without a name", StatusScreenedIn, ConsultAccepted, func(c *Consultation) { c.Attendees[1].Name = " " },
			"attendee 2 needs a name and a role"},
		{"attendee without a role", StatusScreenedIn, ConsultAccepted, func(c *Consultation) { c.Attendees[0].Role = "" },
			"attendee 1 needs a name and a role"},
		{"meeting before the referral was received", StatusScreenedIn, ConsultAccepted,
			func(c *Consultation) { c.MeetingDate = ident.MustDate(2020, time.January, 1) },
			"the meeting date 2020-01-01 is before the referral was received (2027-03-01)"},
		{"decided before the referral was received", StatusScreenedIn, ConsultAccepted, func(c *Consultation) {
			c.RecordedAt = meetingDay.In(time.UTC).Add(12 * time.Hour)
			c.DecidedAt = eligibleReferral().ReceivedAt.Add(-time.Minute)
			c.LateReason = "typed later"
		}, "is before the referral was received"},
		{"decided after it was entered", StatusScreenedIn, ConsultAccepted, func(c *Consultation) {
			c.RecordedAt = meetingDay.In(time.UTC).Add(12 * time.Hour)
			c.DecidedAt = c.RecordedAt.Add(time.Minute)
		}, "is in the future"},
		{"decided earlier with no reason", StatusScreenedIn, ConsultAccepted, func(c *Consultation) {
			c.RecordedAt = meetingDay.In(time.UTC).Add(12 * time.Hour)
			c.DecidedAt = c.RecordedAt.Add(-3 * time.Hour)
		}, "say why it is entered later"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eligibleReferral()
			r.Status = tt.from
			c := consultation(tt.outcome)
			tt.change(&c)
			got, err := Consult(r, c, meetingDay)
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("err = %v, want %q", err, tt.err)
			}
			if got.Status != tt.from {
				t.Errorf("a refused consultation moved the referral to %s", got.Status)
			}
		})
	}
}

func TestWithdraw(t *testing.T) {
	for _, from := range Statuses {
		t.Run(string(from), func(t *testing.T) {
			r := eligibleReferral()
			r.Status = from
			got, err := Withdraw(r, "Moved out of area.")
			if from.Open() {
				if err != nil || got.Status != StatusWithdrawn {
					t.Fatalf("withdraw from %s: %s, %v", from, got.Status, err)
				}
			} else if !errors.Is(err, ErrTransition) || got.Status != from {
				t.Fatalf("withdraw from %s: %s, %v; want ErrTransition", from, got.Status, err)
			}
		})
	}
	r := eligibleReferral()
	if got, err := Withdraw(r, "  "); err == nil || !strings.Contains(err.Error(), "give the reason") || got.Status != StatusReceived {
		t.Errorf("withdraw without a reason: %s, %v", got.Status, err)
	}
}
