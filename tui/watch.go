package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

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
	return tea.Batch(next, a.broadcast(common.DataChangedMsg{}, 0))
}
