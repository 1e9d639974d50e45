// Package releaseform records what has happened to a case's release: one of its
// sentence dates (CRD, PED, LED, ...) new, changed or no longer known, with the reason
// for the change, or the person's actual release, a recall to custody, or a re-release
// after it. The app never calculates release dates; it records the ones partners give,
// and why they changed.
package releaseform

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// Saver is what the form needs from the store. Each call is one transaction with its
// audit entry, and the store decides again on the release facts as they then stand.
type Saver interface {
	Reader
	ChangeReleaseSeen(ctx context.Context, actor string, at time.Time, caseID int64, seen, to domain.ReleaseDate, reason string) (domain.CaseRelease, error)
	RecordRelease(ctx context.Context, actor string, at time.Time, caseID int64, actual ident.Date) error
	RecordRecall(ctx context.Context, actor string, at time.Time, caseID int64, recalledOn ident.Date, reason string) error
	RecordReRelease(ctx context.Context, actor string, at time.Time, caseID int64, on ident.Date) error
}

// happening is the answer to "What has happened?".
type happening string

const (
	dateChanged happening = "changed"
	released    happening = "released"
	recalled    happening = "recalled"
	reReleased  happening = "re-released"
)

// answers holds what is typed, outliving any rebuild of the form after a refusal.
type answers struct {
	what      string // a happening
	kind      string // which sentence date: a domain.ReleaseDateType, "" when not stated
	date      string // its new day; blank keeps the one held, "unknown" removes it
	confirmed string // keepConfirmed, "no" or "yes"
	reason    string
	on        string // the day of a release, recall or re-release
	why       string // the reason for a recall
	sure      bool   // the recall is confirmed; asked afresh on every build
}

// New is the release form of case caseID of person, whose release facts are release as
// the screen that opened it last read them.
func New(com common.Common, saver Saver, caseID int64, person string, release domain.CaseRelease) *form.Model {
	// The form opens on a day and the events default to it; the store refuses an event
	// dated after the day it is saved on, so a form left open overnight stays safe.
	today := ident.DateOf(com.Clock.Now().In(com.London))
	a := &answers{
		what: string(dateChanged),
		// The date that is the release today is the one most often changed. The day
		// starts blank, which keeps the date held: a change of kind alone never moves
		// a date by accident, and removing one is typed ("unknown").
		kind:      string(startingKind(release, today)),
		confirmed: keepConfirmed,
		on:        today.String(),
	}
	f := &facts{r: release}
	return form.New(com, form.Spec{
		Title:   "Release · " + person,
		Intro:   introOf(com, f),
		Fields:  func() []*huh.Group { return a.fields(f.get().Dates, today) },
		Submit:  func() ([]string, tea.Cmd) { return a.submit(com, saver, caseID, f) },
		Recheck: recheck(saver, caseID, f),
	})
}

// startingKind is the kind the form opens on: the date that is the release today, else
// the first date held, else a CRD (the commonest).
func startingKind(r domain.CaseRelease, today ident.Date) domain.ReleaseDateType {
	if the := domain.ReleaseOn(ident.Date{}, r.Dates, today); !the.From.Date.IsZero() {
		return the.From.Kind
	}
	if len(r.Dates) > 0 {
		return r.Dates[0].Kind
	}
	return domain.ReleaseCRD
}
