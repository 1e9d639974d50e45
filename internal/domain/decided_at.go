package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"caseload/internal/clock"
)

// The rule of when a decision was made (docs/RULES.md, "When a decision was made"): a
// screening or consultation is often decided in a meeting and typed later, so it records
// when it was made beside when it was entered, and the 48 hours are measured to when it
// was made.

// BackdateDays is how far back, in London calendar days, a decision may be dated before
// it is entered. The service's default, not yet confirmed.
const BackdateDays = 14

// BackdateGrace is how long before its entry a decision may be dated without a reason:
// the time a form stays open between its "now" and the save.
const BackdateGrace = time.Hour

// The ways a decision's time is refused; each error CheckDecidedAt returns wraps one.
var (
	ErrDecidedInFuture      = errors.New("decided in the future")
	ErrDecidedBeforeReceipt = errors.New("decided before the referral was received")
	ErrDecidedTooLongAgo    = errors.New("decided too long ago")
	ErrDecidedLateNoReason  = errors.New("decided earlier, with no reason")
)

// DecisionTime is when a decision was made, and why it is entered later when it is.
type DecisionTime struct {
	At     time.Time
	Reason string
}

// Backdated reports whether a decision made at made and entered at entered counts as
// entered later (so needs its reason).
func Backdated(made, entered time.Time) bool {
	return entered.Sub(made) > BackdateGrace
}

// CheckDecidedAt checks a decision made at made and entered at entered on a referral
// received at received: never in the future, never before the referral was received,
// never more than BackdateDays London days back, and with a reason when Backdated.
func CheckDecidedAt(received, made, entered time.Time, reason string) error {
	london := clock.London()
	at := made.In(london).Format("Mon 2 Jan 2006 15:04")
	switch {
	case made.After(entered):
		return decidedErr(ErrDecidedInFuture, "the decision time %s is in the future: give when it was made", at)
	case made.Before(received):
		return decidedErr(ErrDecidedBeforeReceipt, "the decision time %s is before the referral was received (%s)", at, received.In(london).Format("Mon 2 Jan 2006 15:04"))
	case made.Before(entered.In(london).AddDate(0, 0, -BackdateDays)):
		return decidedErr(ErrDecidedTooLongAgo, "the decision time %s is more than %d days ago: a decision is entered within %d days", at, BackdateDays, BackdateDays)
	case Backdated(made, entered) && strings.TrimSpace(reason) == "":
		return decidedErr(ErrDecidedLateNoReason, "the decision was made at %s, earlier than now: say why it is entered later", at)
	}
	return nil
}

// DecidedAtError is a refused decision time: the sentence to show, and which rule (one of
// the Err values above, for errors.Is) refused it, so a form places it by kind.
type DecidedAtError struct {
	Kind error
	Msg  string
}

func (e *DecidedAtError) Error() string { return e.Msg }

// Unwrap is the rule that refused it.
func (e *DecidedAtError) Unwrap() error { return e.Kind }

// decidedErr is a refused decision time as a FieldRefusal: of the decision time, or, when
// only the reason for entering it later is missing, of that reason.
func decidedErr(kind error, format string, args ...any) error {
	f := FieldDecidedAt
	if kind == ErrDecidedLateNoReason {
		f = FieldLateReason
	}
	return fieldErr(f, &DecidedAtError{Kind: kind, Msg: fmt.Sprintf(format, args...)})
}
