package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"caseload/internal/ident"
)

// AccessRequest is a person's request for their record (UK GDPR article 15; docs/RULES.md,
// "Subject access"): due one calendar month after it was received, extendable once by
// up to two further months with a reason, open until answered.
type AccessRequest struct {
	ID              int64
	PersonID        int64
	ReceivedOn      ident.Date
	RequestedBy     string // who asked: the person, or who on their behalf
	DueOn           ident.Date
	ExtendedTo      ident.Date
	ExtensionReason string
	AnsweredOn      ident.Date
	RecordedBy      string // the actor who recorded it
	RecordedAt      time.Time
}

// Due is the day the answer is due: the extended day once extended.
func (a AccessRequest) Due() ident.Date {
	if !a.ExtendedTo.IsZero() {
		return a.ExtendedTo
	}
	return a.DueOn
}

// Open reports whether the request is still to be answered.
func (a AccessRequest) Open() bool { return a.AnsweredOn.IsZero() }

// ErrAccessRequest marks a subject access request refused by its rules.
var ErrAccessRequest = errors.New("subject access request refused")

// AccessRequestDue is the day a request received on received is due: one calendar month
// later, the month's last day where it has no such day (received 31 January, due 28 or
// 29 February), the ICO's reading of "one month".
func AccessRequestDue(received ident.Date) ident.Date {
	return AddMonthsClamped(received, 1)
}

// AccessExtensionLimit is the latest day an extension may reach: two further months
// after the day first due.
func AccessExtensionLimit(a AccessRequest) ident.Date { return AddMonthsClamped(a.DueOn, 2) }

// CheckAccessRequest refuses a request with no day, a day after today, or no one who
// asked.
func CheckAccessRequest(a AccessRequest, today ident.Date) error {
	switch {
	case a.ReceivedOn.IsZero():
		return fmt.Errorf("%w: give the day the request was received", ErrAccessRequest)
	case a.ReceivedOn.After(today):
		return fmt.Errorf("%w: %s is after today", ErrAccessRequest, a.ReceivedOn.Medium())
	case strings.TrimSpace(a.RequestedBy) == "":
		return fmt.Errorf("%w: say who asked (the person, or who on their behalf)", ErrAccessRequest)
	case strings.ContainsFunc(a.RequestedBy, unicode.IsControl) || len(a.RequestedBy) > 200:
		return fmt.Errorf("%w: who asked is one line of under 200 characters", ErrAccessRequest)
	}
	return nil
}

// CheckAccessExtension refuses extending an answered or already extended request, to a
// day not after the first due day or beyond two further months, or without a reason.
func CheckAccessExtension(a AccessRequest, to ident.Date, reason string) error {
	switch {
	case !a.Open():
		return fmt.Errorf("%w: it was answered on %s", ErrAccessRequest, a.AnsweredOn.Medium())
	case !a.ExtendedTo.IsZero():
		return fmt.Errorf("%w: it was already extended to %s; it can be extended once", ErrAccessRequest, a.ExtendedTo.Medium())
	case !to.After(a.DueOn):
		return fmt.Errorf("%w: the new day (%s) is not after the day it is due (%s)", ErrAccessRequest, to.Medium(), a.DueOn.Medium())
	case to.After(AccessExtensionLimit(a)):
		return fmt.Errorf("%w: it can be extended by two months at most, to %s", ErrAccessRequest, AccessExtensionLimit(a).Medium())
	case strings.TrimSpace(reason) == "":
		return fmt.Errorf("%w: say why it needs longer (the request is complex or one of many)", ErrAccessRequest)
	}
	return nil
}

// AccessRequestOn is a request with the name of the person it is about, for Today and
// the headless list.
type AccessRequestOn struct {
	AccessRequest
	Person string
}
