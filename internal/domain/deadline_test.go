package domain

import (
	"testing"
	"time"

	"caseload/internal/clock"
)

// TestScreeningDeadlineRule holds both rules of docs/RULES.md, "Screening deadline":
// the example of the service's reference (Christmas 2026), receipts on a weekend and on
// bank holidays, New Year, both clock changes and a year the bank holiday list does not
// hold.
func TestScreeningDeadlineRule(t *testing.T) {
	london := clock.London()
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, london) }
	const wall = "Mon 2006-01-02 15:04 MST"
	tests := []struct {
		name     string
		rule     DeadlineRule
		received time.Time
		want     string        // due, on the London wall clock
		elapsed  time.Duration // due minus received, in real time
	}{
		{"the reference's example: Christmas Eve", Deadline2WorkingDays, at(2026, 12, 24, 15, 0), "Wed 2026-12-30 15:00 GMT", 144 * time.Hour},
		{"the same under 48 hours falls on Boxing Day", Deadline48Hours, at(2026, 12, 24, 15, 0), "Sat 2026-12-26 15:00 GMT", 48 * time.Hour},
		{"the zero rule is 48 hours", "", at(2026, 12, 24, 15, 0), "Sat 2026-12-26 15:00 GMT", 48 * time.Hour},
		{"an ordinary Monday", Deadline2WorkingDays, at(2026, 11, 23, 9, 0), "Wed 2026-11-25 09:00 GMT", 48 * time.Hour},
		{"Thursday: the weekend is skipped", Deadline2WorkingDays, at(2026, 11, 26, 10, 0), "Mon 2026-11-30 10:00 GMT", 96 * time.Hour},
		{"Friday", Deadline2WorkingDays, at(2026, 11, 27, 10, 0), "Tue 2026-12-01 10:00 GMT", 96 * time.Hour},
		{"Saturday: Monday is the first working day after", Deadline2WorkingDays, at(2026, 11, 28, 10, 0), "Tue 2026-12-01 10:00 GMT", 72 * time.Hour},
		{"Sunday late evening", Deadline2WorkingDays, at(2026, 11, 29, 23, 30), "Tue 2026-12-01 23:30 GMT", 48 * time.Hour},
		{"on a bank holiday Monday", Deadline2WorkingDays, at(2026, 8, 31, 10, 0), "Wed 2026-09-02 10:00 BST", 48 * time.Hour},
		{"Good Friday: Easter Monday is skipped too", Deadline2WorkingDays, at(2026, 4, 3, 14, 0), "Wed 2026-04-08 14:00 BST", 120 * time.Hour},
		{"before New Year's Day", Deadline2WorkingDays, at(2026, 12, 30, 12, 0), "Mon 2027-01-04 12:00 GMT", 120 * time.Hour},
		{"Christmas substitute days, 2027", Deadline2WorkingDays, at(2027, 12, 23, 16, 45), "Wed 2027-12-29 16:45 GMT", 144 * time.Hour},
		{"clocks go forward over the weekend", Deadline2WorkingDays, at(2026, 3, 27, 10, 0), "Tue 2026-03-31 10:00 BST", 95 * time.Hour},
		{"clocks go back over the weekend", Deadline2WorkingDays, at(2026, 10, 23, 10, 0), "Tue 2026-10-27 10:00 GMT", 97 * time.Hour},
		{"48 hours across the clocks going back", Deadline48Hours, at(2026, 10, 23, 10, 0), "Sun 2026-10-25 09:00 GMT", 48 * time.Hour},
		{"just after midnight in summer: the London date counts, not UTC's", Deadline2WorkingDays, at(2027, 7, 6, 0, 30), "Thu 2027-07-08 00:30 BST", 48 * time.Hour},
		{"a year the list does not hold: only weekends skipped", Deadline2WorkingDays, at(2031, 12, 24, 15, 0), "Fri 2031-12-26 15:00 GMT", 48 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due := ScreeningDue(tt.received, tt.rule)
			if got := due.In(london).Format(wall); got != tt.want {
				t.Errorf("due %s, want %s", got, tt.want)
			}
			if got := due.Sub(tt.received); got != tt.elapsed {
				t.Errorf("elapsed %v, want %v", got, tt.elapsed)
			}
			if due.Location() != time.UTC {
				t.Errorf("due in %v, want UTC", due.Location())
			}
			if tt.rule == Deadline2WorkingDays && DeadlineDay(due) != "" {
				t.Errorf("due on a %s", DeadlineDay(due))
			}
		})
	}
}

// Under 2 working days a clock is judged by its own deadline, while within_48h keeps
// measuring 48 elapsed hours; the words stay "due in" and "overdue by".
func TestScreeningClockUnderWorkingDays(t *testing.T) {
	london := clock.London()
	received := time.Date(2026, 12, 24, 15, 0, 0, 0, london) // due Wed 30 Dec 15:00
	at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, london) }
	tests := []struct {
		name          string
		screened, now time.Time
		text          string
		onTime, in48h bool
		late          string
	}{
		{"running over Christmas", time.Time{}, at(29, 15, 0), "due in 24h 00m", false, false, ""},
		{"48 hours gone, not yet due", time.Time{}, at(26, 15, 1), "due in 95h 59m", false, false, ""},
		{"overdue", time.Time{}, at(30, 16, 30), "overdue by 1h 30m", false, false, ""},
		{"screened on the Monday: on time, not within 48 hours", at(28, 11, 0), at(30, 9, 0), "decided in 92h", true, false, ""},
		{"screened on Christmas Day: both", at(25, 10, 0), at(30, 9, 0), "decided in 19h", true, true, ""},
		{"screened at the deadline", at(30, 15, 0), at(31, 9, 0), "decided in 144h", true, false, ""},
		{"screened after it", at(30, 15, 20), at(31, 9, 0), "decided in 6d 0h (late)", false, false, "0h 20m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewScreeningClock(received, tt.screened, tt.now, Deadline2WorkingDays)
			if got := c.Text(); got != tt.text {
				t.Errorf("text %q, want %q", got, tt.text)
			}
			if c.OnTime() != tt.onTime || c.Within48h() != tt.in48h {
				t.Errorf("on time %v, within 48h %v; want %v, %v", c.OnTime(), c.Within48h(), tt.onTime, tt.in48h)
			}
			if got := c.Late(); got != tt.late {
				t.Errorf("late %q, want %q", got, tt.late)
			}
			if c.Rule != Deadline2WorkingDays {
				t.Errorf("rule %q", c.Rule)
			}
		})
	}
}

// A screening records within_48h on elapsed time and within_deadline under the rule the
// referral was read with.
func TestScreenRecordsBothMeasures(t *testing.T) {
	r := eligibleReferral()
	r.ReceivedAt = time.Date(2027, 3, 5, 10, 0, 0, 0, time.UTC) // a Friday
	r.DeadlineRule = Deadline2WorkingDays
	_, d, err := Screen(r, ScreenedIn, "", "Dr Ada Okoro", time.Date(2027, 3, 8, 16, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if d.WithinWindow || !d.WithinDeadline || d.DeadlineRule != Deadline2WorkingDays {
		t.Errorf("within 48h %v, within deadline %v, rule %q; want false, true, 2-working-days",
			d.WithinWindow, d.WithinDeadline, d.DeadlineRule)
	}
}

func TestParseDeadlineRule(t *testing.T) {
	for _, tt := range []struct {
		in    string
		want  DeadlineRule
		label string
		err   string
	}{
		{"48-hours", Deadline48Hours, "48 hours", ""},
		{"2-working-days", Deadline2WorkingDays, "2 working days", ""},
		{"", "", "", `"" is not a screening deadline: use 48-hours or 2-working-days`},
		{"2 working days", "", "", `"2 working days" is not a screening deadline: use 48-hours or 2-working-days`},
		{"48-HOURS", "", "", `"48-HOURS" is not a screening deadline: use 48-hours or 2-working-days`},
	} {
		got, err := ParseDeadlineRule(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want || got.Label() != tt.label {
			t.Errorf("%q: %q %q %v, want %q %q", tt.in, got, got.Label(), err, tt.want, tt.label)
		}
	}
}
