package tui

import (
	"caseload/internal/domain"
	"caseload/tui/admin"
	"caseload/tui/common"
	"caseload/tui/home"
)

// The app hides what a role may not do (docs/RULES.md, "Roles"); the store refuses it
// anyway (store.As, the audit chain's permit). IT's admin gets the admin screen as
// their only screen: the root opens nothing else for them, whatever asks.

// Administers reports whether a session of me is IT's admin's: the admin screen, and
// no clinical record.
func Administers(me domain.Clinician) bool { return me.ID != 0 && !me.ReadsRecords() }

// homeScreen is the bottom screen of a session of com.Me: Today, or the admin screen.
func homeScreen(com common.Common, svc Services) common.Screen {
	if Administers(com.Me) {
		return admin.New(com, svc)
	}
	return home.New(com, svc)
}

// refusesOpening reports whether this session may open no screen (an admin's), saying
// why in the status line when it may not.
func (a *App) refusesOpening() bool {
	if !Administers(a.com.Me) {
		return false
	}
	a.status = status{text: a.com.Me.Name + " is IT (admin), who cannot open clinical records: a clinician or a lead can.", err: true}
	return true
}
