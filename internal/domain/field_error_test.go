package domain

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// Every refusal of a screening decision names the field it is about, so the form puts it
// under that field by what it is (issue 11, finding 10; docs/RULES.md, "Decisions'
// field errors"). A decision the referral's state refuses is about no one field.
func TestScreenRefusalsNameTheirField(t *testing.T) {
	entered := screenAt
	notEligible := eligibleReferral()
	notEligible.RoSH = RoSHMedium
	decided := eligibleReferral()
	decided.Status = StatusScreenedIn
	old := eligibleReferral()
	old.ReceivedAt = entered.AddDate(0, 0, -20)
	tests := []struct {
		name    string
		r       Referral
		outcome ScreeningOutcome
		reason  string
		made    DecisionTime
		field   Field
		is      error // the rule, still reached through the field error; nil when none
		says    string
	}{
		{"out with no reason", eligibleReferral(), ScreenedOut, " ", DecisionTime{}, FieldReason, nil,
			"give the reason for screening out"},
		{"in against a failing criterion with no reason", notEligible, ScreenedIn, "", DecisionTime{}, FieldReason, nil,
			"the referral is not-eligible (risk): give the reason for screening it in"},
		{"an outcome that is not one", eligibleReferral(), "maybe", "x", DecisionTime{}, FieldOutcome, nil,
			`"maybe" is not a screening outcome: in or out`},
		{"decided in the future", eligibleReferral(), ScreenedIn, "", DecisionTime{At: entered.Add(time.Minute)}, FieldDecidedAt,
			ErrDecidedInFuture, "is in the future"},
		{"decided before receipt", eligibleReferral(), ScreenedIn, "", DecisionTime{At: eligibleReferral().ReceivedAt.Add(-time.Minute), Reason: "x"},
			FieldDecidedAt, ErrDecidedBeforeReceipt, "before the referral was received"},
		{"decided too long ago", old, ScreenedIn, "screened in on the COM's word", DecisionTime{At: entered.AddDate(0, 0, -15), Reason: "x"},
			FieldDecidedAt, ErrDecidedTooLongAgo, "more than 14 days ago"},
		{"decided earlier with no reason why", eligibleReferral(), ScreenedIn, "", DecisionTime{At: entered.Add(-2 * time.Hour)},
			FieldLateReason, ErrDecidedLateNoReason, "say why it is entered later"},
		{"already screened", decided, ScreenedIn, "", DecisionTime{}, "", ErrTransition, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ScreenAt(tt.r, tt.outcome, tt.reason, "Dr Ada Okoro", entered, tt.made)
			if err == nil {
				t.Fatal("not refused")
			}
			if got := FieldOf(err); got != tt.field {
				t.Errorf("%q: field %q, want %q", err, got, tt.field)
			}
			var fr *FieldRefusal
			if errors.As(err, &fr) != (tt.field != "") {
				t.Errorf("%q: errors.As FieldRefusal %v", err, errors.As(err, &fr))
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("%q is not %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("%q does not say %q", err, tt.says)
			}
		})
	}
}

// A decision time checked on its own names its field too: the time, or the reason for
// entering it later.
func TestCheckDecidedAtNamesItsField(t *testing.T) {
	received := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	entered := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		made   time.Time
		reason string
		field  Field
	}{
		{entered.Add(time.Second), "", FieldDecidedAt},
		{received.Add(-time.Second), "x", FieldDecidedAt},
		{entered.Add(-3 * time.Hour), "", FieldLateReason},
		{entered.Add(-3 * time.Hour), "typed after the meeting", ""},
	} {
		if got := FieldOf(CheckDecidedAt(received, tt.made, entered, tt.reason)); got != tt.field {
			t.Errorf("made %v, reason %q: field %q, want %q", tt.made, tt.reason, got, tt.field)
		}
	}
}
