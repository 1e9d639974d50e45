// Package releaseform records what has happened to a case's release: a new expected
// release date with its kind and the reason for the change, or the person's actual
// release, a recall to custody, or a re-release after it. The app never calculates
// release dates; it records the ones partners give, and why they changed.
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
	date      string // the new expected release date; blank when it is now unknown
	kind      string // a domain.ReleaseDateType, "" when not stated
	confirmed bool
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
		// The current values are the starting point, so that a change of kind alone
		// does not blank the date by accident: clearing it is a deliberate act.
		date:      dateText(release.Expected.Date),
		kind:      string(release.Expected.Kind),
		confirmed: release.Expected.Confirmed,
		on:        today.String(),
	}
	intro := introOf(com, release)
	return form.New(com, form.Spec{
		Title:   "Release · " + person,
		Intro:   intro,
		Fields:  func() []*huh.Group { return a.fields(today) },
		Submit:  func() ([]string, tea.Cmd) { return a.submit(com, saver, caseID, release) },
		Recheck: recheck(saver, caseID, release),
	})
}

func dateText(d ident.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
