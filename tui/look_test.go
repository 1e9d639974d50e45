package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// A person's idle lock shortens the service's, never lengthens it (docs/RULES.md, "Idle
// lock"), whether read at the start (config.toml) or changed on the Settings screen.
func TestPersonalLockOnlyShortens(t *testing.T) {
	for _, tt := range []struct {
		name             string
		service          string // "" leaves the default, 15
		person, lockedAt int
		changed          bool // told by the Settings screen rather than at the start
	}{
		{"none: the service's", "", 0, 15, false},
		{"shorter: the person's", "", 5, 5, false},
		{"longer: the service's", "10", 30, 10, false},
		{"shortened from Settings", "", 2, 2, true},
		{"lengthened from Settings: the service's", "10", 20, 10, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := testdb.OneCase(t, testNow)
			if tt.service != "" {
				if _, err := c.Store.SetSetting(context.Background(), "os:test", testNow, domain.SettingIdleLockMinutes, tt.service); err != nil {
					t.Fatal(err)
				}
			}
			app := newApp(t, c.Store)
			if !tt.changed {
				app.com.LockMinutes = tt.person
			}
			d := tuitest.New(t, app, 80, 24)
			if tt.changed {
				d.Send(common.SettingsChangedMsg{Theme: "auto", LockMinutes: tt.person})
			}
			for m := 1; m <= tt.lockedAt; m++ {
				minute(d, m)
				if app.Locked() != (m == tt.lockedAt) {
					t.Fatalf("minute %d: locked %v, want it locked first at minute %d", m, app.Locked(), tt.lockedAt)
				}
			}
		})
	}
}

// A config file's problem is on the status line as the app opens.
func TestWarnAtStart(t *testing.T) {
	app := newApp(t, testdb.Demo(t, testNow))
	app.Warn(`config.toml line 2: mouse takes true or false, not "yes"; it stays off.`)
	d := tuitest.New(t, app, 100, 30)
	if !strings.Contains(d.Screen(), "config.toml line 2: mouse takes true or false") {
		t.Errorf("the status line does not say it:\n%s", d.Screen())
	}
}

// The Settings screen's theme reaches the whole app at once.
func TestSettingsChangeTheTheme(t *testing.T) {
	app := newApp(t, testdb.Demo(t, testNow))
	d := tuitest.New(t, app, 100, 30)
	d.Send(common.SettingsChangedMsg{Theme: common.ThemeHighContrast})
	if app.com.Theme.Name != common.ThemeHighContrast {
		t.Errorf("theme %s", app.com.Theme.Name)
	}
	d.Send(common.SettingsChangedMsg{Theme: common.ThemeNoColour})
	if out := app.View().Content; strings.Contains(out, "\x1b[38;") {
		t.Errorf("colour after choosing no-colour: %q", out)
	}
}

// A lead shortening the service's idle lock in another app reaches every open app with
// the change, not at its next start; and a person's own change never lengthens the
// lock while the service's are read again.
func TestServiceLockChangedElsewhereApplies(t *testing.T) {
	for _, how := range []struct {
		name   string
		change tea.Msg
	}{
		{"another process (the watch)", nil},
		{"team mode (the server's word)", ChangedMsg{}},
	} {
		t.Run(how.name, func(t *testing.T) {
			c := testdb.OneCase(t, testNow)
			if _, err := c.Store.SetSetting(context.Background(), "os:test", testNow, domain.SettingIdleLockMinutes, "10"); err != nil {
				t.Fatal(err)
			}
			app := newApp(t, c.Store)
			d := tuitest.New(t, app, 80, 24)
			if got := app.lockAfter(); got != 10*time.Minute {
				t.Fatalf("lock after %v at the start, want 10m", got)
			}
			d.Send(common.SettingsChangedMsg{Theme: "auto", LockMinutes: 30})
			if got := app.lockAfter(); got != 10*time.Minute {
				t.Fatalf("a person's longer lock made it %v, want the service's 10m", got)
			}
			if _, err := c.Store.SetSetting(context.Background(), "os:test", testNow, domain.SettingIdleLockMinutes, "5"); err != nil {
				t.Fatal(err)
			}
			if how.change == nil {
				d.Send(versionMsg{v: app.version + 1}).Send(versionMsg{v: app.version + 2})
			} else {
				d.Send(how.change)
			}
			if got := app.lockAfter(); got != 5*time.Minute {
				t.Errorf("after the lead's change elsewhere the lock is %v, want 5m", got)
			}
		})
	}
}
