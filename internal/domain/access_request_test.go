package domain

import (
	"errors"
	"testing"

	"caseload/internal/ident"
)

func TestAccessRequestDue(t *testing.T) {
	for _, tc := range []struct{ received, due ident.Date }{
		{ident.MustDate(2026, 11, 3), ident.MustDate(2026, 12, 3)},
		{ident.MustDate(2027, 1, 31), ident.MustDate(2027, 2, 28)},
		{ident.MustDate(2028, 1, 31), ident.MustDate(2028, 2, 29)}, // a leap year
		{ident.MustDate(2026, 12, 31), ident.MustDate(2027, 1, 31)},
		{ident.MustDate(2027, 3, 31), ident.MustDate(2027, 4, 30)},
	} {
		if got := AccessRequestDue(tc.received); got != tc.due {
			t.Errorf("AccessRequestDue(%s) = %s, want %s", tc.received, got, tc.due)
		}
	}
}

func TestCheckAccessRequest(t *testing.T) {
	today := ident.MustDate(2026, 12, 3)
	for _, tc := range []struct {
		name string
		a    AccessRequest
		ok   bool
	}{
		{"whole", AccessRequest{ReceivedOn: today, RequestedBy: "the person"}, true},
		{"no day", AccessRequest{RequestedBy: "the person"}, false},
		{"tomorrow", AccessRequest{ReceivedOn: today.AddDays(1), RequestedBy: "the person"}, false},
		{"no one asked", AccessRequest{ReceivedOn: today, RequestedBy: "  "}, false},
		{"two lines", AccessRequest{ReceivedOn: today, RequestedBy: "a\nb"}, false},
	} {
		err := CheckAccessRequest(tc.a, today)
		if (err == nil) != tc.ok || (err != nil && !errors.Is(err, ErrAccessRequest)) {
			t.Errorf("%s: CheckAccessRequest = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}

func TestCheckAccessExtension(t *testing.T) {
	open := AccessRequest{ReceivedOn: ident.MustDate(2026, 12, 31), DueOn: ident.MustDate(2027, 1, 31)}
	extended := open
	extended.ExtendedTo, extended.ExtensionReason = ident.MustDate(2027, 2, 28), "complex"
	answered := open
	answered.AnsweredOn = ident.MustDate(2027, 1, 10)
	for _, tc := range []struct {
		name   string
		a      AccessRequest
		to     ident.Date
		reason string
		ok     bool
	}{
		{"two months to the day's end", open, ident.MustDate(2027, 3, 31), "complex", true},
		{"a day past two months", open, ident.MustDate(2027, 4, 1), "complex", false},
		{"not after the day due", open, ident.MustDate(2027, 1, 31), "complex", false},
		{"no reason", open, ident.MustDate(2027, 2, 15), " ", false},
		{"already extended", extended, ident.MustDate(2027, 3, 15), "again", false},
		{"answered", answered, ident.MustDate(2027, 2, 15), "complex", false},
	} {
		if err := CheckAccessExtension(tc.a, tc.to, tc.reason); (err == nil) != tc.ok {
			t.Errorf("%s: CheckAccessExtension = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}

func TestCheckRetentionDecision(t *testing.T) {
	today := ident.MustDate(2046, 12, 3)
	keep := RetentionDecision{DecidedOn: today, Decision: "keep", KeepUntil: today.AddDays(365), DecidedBy: "Records manager"}
	destroy := RetentionDecision{DecidedOn: today, Decision: "destroy", DecidedBy: "Records manager", Reference: "RM/2046/17"}
	with := func(d RetentionDecision, edit func(*RetentionDecision)) RetentionDecision { edit(&d); return d }
	for _, tc := range []struct {
		name   string
		d      RetentionDecision
		closed bool
		ok     bool
	}{
		{"keep", keep, true, true},
		{"destroy", destroy, true, true},
		{"an open case", keep, false, false},
		{"decided tomorrow", with(keep, func(d *RetentionDecision) { d.DecidedOn = today.AddDays(1) }), true, false},
		{"keep without a review", with(keep, func(d *RetentionDecision) { d.KeepUntil = ident.Date{} }), true, false},
		{"keep until the same day", with(keep, func(d *RetentionDecision) { d.KeepUntil = today }), true, false},
		{"destroy with a review", with(destroy, func(d *RetentionDecision) { d.KeepUntil = today.AddDays(9) }), true, false},
		{"archive", with(keep, func(d *RetentionDecision) { d.Decision = "archive" }), true, false},
		{"no one decided", with(destroy, func(d *RetentionDecision) { d.DecidedBy = "" }), true, false},
	} {
		if err := CheckRetentionDecision(tc.d, tc.closed, today); (err == nil) != tc.ok {
			t.Errorf("%s: CheckRetentionDecision = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}
