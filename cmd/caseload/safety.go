package main

import (
	"context"
	"errors"
	"fmt"

	"caseload/internal/domain"
	"caseload/store"
)

// recordSafety keeps a verify's or a backup's outcome in the database's own audit, so
// every lead sees it on Today whichever account ran it (docs/RULES.md, "Backup and
// verify on Today"). The check has already said what it found; a file this account
// may not write, or one too damaged to open for writing, is said on stderr and does
// not change the command's result. A stopped command records nothing.
func (a *cli) recordSafety(ctx context.Context, c domain.SafetyCheck) {
	if ctx.Err() != nil {
		return
	}
	err := a.withStore(ctx, func(st *store.Store) error {
		return st.RecordSafetyCheck(ctx, a.actor, a.clock.Now(), c)
	})
	if err != nil {
		fmt.Fprintf(a.stderr, "caseload: the %s's outcome was not recorded for Today: %s\n", c.Kind, oneLine(err.Error()))
	}
}

// safetyWhy is the sentence a failed check leaves on Today.
func safetyWhy(err error) string {
	if err == nil {
		return ""
	}
	var se *store.Error
	if errors.As(err, &se) {
		return oneLine(se.Error())
	}
	return oneLine(err.Error())
}
