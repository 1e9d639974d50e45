package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// listener is a screen that keeps count of the outside changes it was told of.
type listener struct {
	faulty
	changes int
}

func (l *listener) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if _, ok := msg.(common.DataChangedMsg); ok {
		l.changes++
	}
	return l, nil
}

// TestAnotherProcessesChangeIsBroadcast is finding 9 at the root: the app on one
// handle, a colleague's commit through another handle on the same file; the next watch
// tells every screen, and the app's own commits and quiet ticks tell nobody.
func TestAnotherProcessesChangeIsBroadcast(t *testing.T) {
	ctx := context.Background()
	mine, _ := testdb.NoCases(t, testNow)
	theirs, err := store.Open(ctx, mine.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { theirs.Close() })
	app := newApp(t, mine)
	d := tuitest.New(t, app, 80, 24)
	l := &listener{}
	app.push(l, 0)
	add := func(st *store.Store, name string) {
		t.Helper()
		if _, err := st.AddClinician(ctx, "test", testNow, domain.Clinician{Name: name, Role: "Psychologist"}); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		what string
		do   func()
		want int
	}{
		{"nothing changed", func() {}, 0},
		{"a colleague added a clinician", func() { add(theirs, "Dr Ffion Pryce") }, 1},
		{"nothing since", func() {}, 1},
		{"this app's own change", func() { add(mine, "Dr Olu Bankole") }, 1},
		{"a colleague again", func() { add(theirs, "Dr Mei Lin Tan") }, 2},
	}
	for _, s := range steps {
		s.do()
		d.Send(watchMsg{})
		if l.changes != s.want {
			t.Fatalf("after %s: %d changes told, want %d", s.what, l.changes, s.want)
		}
	}
}

// BenchmarkNoticeOutsideChanges is the cost, per watch tick, of looking for another
// process's change when there is none: the read of data_version and the comparison.
func BenchmarkNoticeOutsideChanges(b *testing.B) {
	st, _ := testdb.NoCases(b, testNow)
	app := newApp(b, st)
	tuitest.New(b, app, 80, 24)
	cmd := app.readVersion()
	b.ResetTimer()
	for b.Loop() {
		app.noticed(cmd().(versionMsg))
	}
}

// TestAnUnlinkedAccountClosesTheApp: a lead unbinds this account, deactivates its
// clinician or changes their access (docs/RULES.md, "Roles"), from another process while the app is open; the next outside change the
// app notices closes it, saying why, rather than let it go on writing in that name.
func TestAnUnlinkedAccountClosesTheApp(t *testing.T) {
	for _, tc := range []struct {
		name string
		do   func(lead *store.Store, id int64) error
		want string
	}{
		{"unbound", func(lead *store.Store, id int64) error {
			return lead.UnbindClinician(context.Background(), "os:lead", testNow, id, "test")
		}, "unlinked this account (test)"},
		{"deactivated", func(lead *store.Store, id int64) error {
			return lead.DeactivateClinician(context.Background(), "os:lead", testNow, id)
		}, "has been deactivated"},
		{"made admin", func(lead *store.Store, id int64) error {
			// Another lead first: the team's last one cannot be made anything else.
			if _, err := lead.AddClinician(context.Background(), "os:lead", testNow,
				domain.Clinician{Name: "Dr Second Lead", Access: domain.AccessLead, Active: true}); err != nil {
				return err
			}
			_, err := lead.SetClinicianAccess(context.Background(), "os:lead", testNow, id, domain.AccessAdmin)
			return err
		}, "changed Dr"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mine, me := testdb.NoCases(t, testNow)
			lead, err := store.Open(context.Background(), mine.Path(), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { lead.Close() })
			app := newApp(t, mine)
			d := tuitest.New(t, app, 80, 24)
			d.Send(watchMsg{})
			if d.Quit || app.Revoked() != "" {
				t.Fatalf("closed with nothing changed: %q", app.Revoked())
			}
			if err := tc.do(lead, me.ID); err != nil {
				t.Fatal(err)
			}
			d.Send(watchMsg{})
			if !d.Quit || !strings.Contains(app.Revoked(), tc.want) {
				t.Fatalf("quit %v, revoked %q; want it to close saying %q", d.Quit, app.Revoked(), tc.want)
			}
		})
	}
}
