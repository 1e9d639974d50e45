package domain

import (
	"errors"
	"testing"
	"time"
)

// TestCheckDecidedAt holds docs/RULES.md "When a decision was made".
func TestCheckDecidedAt(t *testing.T) {
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	received := utc("2026-03-20T09:00:00Z")
	// Entered on Sun 5 Apr 2026 10:00 BST, after the clocks went forward on 29 March:
	// 14 London days back is Sun 22 Mar 10:00 GMT, 13 days 23 hours of elapsed time.
	entered := utc("2026-04-05T09:00:00Z")
	tests := []struct {
		name     string
		received time.Time
		made     time.Time
		entered  time.Time
		reason   string
		want     error
	}{
		{"as entered", received, entered, entered, "", nil},
		{"within the grace, no reason", received, entered.Add(-BackdateGrace), entered, "", nil},
		{"past the grace, no reason", received, entered.Add(-BackdateGrace - time.Second), entered, "", ErrDecidedLateNoReason},
		{"past the grace, a blank reason", received, entered.Add(-2 * time.Hour), entered, "  ", ErrDecidedLateNoReason},
		{"past the grace, with a reason", received, entered.Add(-2 * time.Hour), entered, "Friday's meeting", nil},
		{"in the future by a minute", received, entered.Add(time.Minute), entered, "", ErrDecidedInFuture},
		{"in the future by a second", received, entered.Add(time.Second), entered, "", ErrDecidedInFuture},
		{"exactly 14 London days back, across BST", received, utc("2026-03-22T10:00:00Z"), entered, "late", nil},
		{"14 days back and a minute", received, utc("2026-03-22T09:59:00Z"), entered, "late", ErrDecidedTooLongAgo},
		{"14 elapsed days back is not 14 London days", received, entered.Add(-14 * 24 * time.Hour), entered, "late", ErrDecidedTooLongAgo},
		{"at the instant received", utc("2026-04-01T08:00:00Z"), utc("2026-04-01T08:00:00Z"), entered, "late", nil},
		{"a second before received", utc("2026-04-01T08:00:00Z"), utc("2026-04-01T07:59:59Z"), entered, "late", ErrDecidedBeforeReceipt},
		{"years before received (the 2020 consultation)", utc("2026-11-10T10:00:00Z"), utc("2020-01-01T12:00:00Z"),
			utc("2026-11-20T10:00:00Z"), "late", ErrDecidedBeforeReceipt},
		// In winter, exactly 14 London days is 14 elapsed days.
		{"exactly 14 days back in GMT", utc("2026-11-01T09:00:00Z"), utc("2026-11-06T12:00:00Z"), utc("2026-11-20T12:00:00Z"), "late", nil},
		// Clocks back on 25 Oct 2026: 14 London days from Thu 5 Nov 09:00 GMT is Thu 22 Oct 09:00 BST (08:00 UTC).
		{"exactly 14 days back across the autumn change", utc("2026-10-01T09:00:00Z"), utc("2026-10-22T08:00:00Z"), utc("2026-11-05T09:00:00Z"), "late", nil},
		{"a second more across the autumn change", utc("2026-10-01T09:00:00Z"), utc("2026-10-22T07:59:59Z"), utc("2026-11-05T09:00:00Z"), "late", ErrDecidedTooLongAgo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckDecidedAt(tt.received, tt.made, tt.entered, tt.reason)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("CheckDecidedAt = %v, want %v", err, tt.want)
			}
			var de *DecidedAtError
			if err != nil && (!errors.As(err, &de) || de.Msg == "") {
				t.Errorf("error %v is not a DecidedAtError with its sentence", err)
			}
		})
	}
}

// TestScreenAtMeasuresFromMade: the 48 hours run to when the decision was made, so a
// referral screened in Friday's meeting and typed on Monday is on time.
func TestScreenAtMeasuresFromMade(t *testing.T) {
	r := eligibleReferral()
	made := r.ReceivedAt.Add(47 * time.Hour)
	entered := r.ReceivedAt.Add(100 * time.Hour)
	got, d, err := ScreenAt(r, ScreenedIn, "", "Dr Ada Okoro", entered, DecisionTime{At: made, Reason: "decided in Friday's meeting"})
	if err != nil {
		t.Fatal(err)
	}
	if !d.WithinWindow || !got.ScreenedAt.Equal(made) || !d.DecidedAt.Equal(made) || !d.EnteredAt.Equal(entered) {
		t.Errorf("decision %+v", d)
	}
	if d.LateReason != "decided in Friday's meeting" {
		t.Errorf("late reason %q", d.LateReason)
	}
	if _, _, err := ScreenAt(r, ScreenedIn, "", "Dr Ada Okoro", entered, DecisionTime{At: made}); !errors.Is(err, ErrDecidedLateNoReason) {
		t.Errorf("no reason: %v", err)
	}
}
