package tui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// Watcher is how the root notices a colleague's change: a number that moves when
// another process commits (SQLite's data_version), read without touching a table.
type Watcher interface {
	DataVersion(ctx context.Context) (int64, error)
}

// WatchEvery is how often the root looks for other processes' changes: a colleague's
// decision shows within two seconds.
const WatchEvery = time.Second

type watchMsg struct{}

type versionMsg struct {
	v   int64
	err error
}

func (a *App) watchLater() tea.Cmd {
	if a.watchEvery <= 0 {
		return nil
	}
	return tea.Tick(a.watchEvery, func(time.Time) tea.Msg { return watchMsg{} })
}

func (a *App) readVersion() tea.Cmd {
	ctx, w := a.com.Ctx, a.svc
	return func() tea.Msg {
		v, err := w.DataVersion(ctx)
		return versionMsg{v: v, err: err}
	}
}

// noticed takes a version read: a change since the last one is broadcast as
// DataChangedMsg. A failed read says nothing now; the next tick tries again, and the
// screens' own reads report a database that has really gone.
func (a *App) noticed(msg versionMsg) tea.Cmd {
	next := a.watchLater()
	if msg.err != nil {
		return next
	}
	changed := a.version != 0 && msg.v != a.version
	a.version = msg.v
	if !changed {
		return next
	}
	// The service's settings too: a lead in another app may have shortened the lock.
	return tea.Batch(next, wrap(0, 0, a.readIdentity()), wrap(0, 0, a.readSettings()), a.broadcast(common.DataChangedMsg{}))
}

// Identity is how the root sees a lead change who this account is while the app is
// open: unbound from its clinician, or the clinician deactivated.
type Identity interface {
	ClinicianByOSUser(ctx context.Context, osUser string) (domain.Clinician, bool, error)
}

type identityMsg struct {
	c     domain.Clinician
	bound bool
	err   error
}

// readIdentity reads who the account is now; nil before anyone is signed in.
func (a *App) readIdentity() tea.Cmd {
	if a.com.Me.ID == 0 || a.osUser == "" {
		return nil
	}
	ctx, src, user := a.com.Ctx, a.svc, a.osUser
	return func() tea.Msg {
		c, bound, err := src.ClinicianByOSUser(ctx, user)
		return identityMsg{c: c, bound: bound, err: err}
	}
}

// identityRead stops the app when the account is no longer the clinician it signed in
// as: everything written from then on would carry the wrong name, or the name of
// someone who has left. A failed read changes nothing: the store refuses a deactivated
// clinician's every change anyway.
func (a *App) identityRead(msg identityMsg) tea.Cmd {
	me := a.com.Me
	switch {
	case msg.err != nil || a.com.Me.ID == 0:
		return nil
	case !msg.bound || msg.c.ID != me.ID:
		a.revoked = fmt.Sprintf("a lead has unlinked this account (%s) from %s, so caseload has closed; open it again to choose who you are",
			a.osUser, me.Name)
	case !msg.c.Active:
		a.revoked = fmt.Sprintf("%s has been deactivated by a lead, so caseload has closed", me.Name)
	case sameAccess(msg.c.Access) != sameAccess(me.Access):
		// The screens were chosen for the old access (docs/RULES.md, "Roles").
		a.revoked = fmt.Sprintf("a lead has changed %s's access to %s, so caseload has closed; open it again", me.Name, msg.c.Access)
	default:
		return nil
	}
	return tea.Quit
}

// Revoked is why the app closed itself because the account's clinician changed, or "".
func (a *App) Revoked() string { return a.revoked }

// sameAccess reads an access as the store does: none given is a clinician's.
func sameAccess(a domain.Access) domain.Access {
	if a == "" {
		return domain.AccessClinician
	}
	return a
}
