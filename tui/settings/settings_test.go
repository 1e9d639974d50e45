package settings

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"caseload/internal/config"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

func TestSettingsGolden(t *testing.T) {
	st, lead := demoAs(t, amara)
	_, clinician := demoAs(t, tom)
	t.Run("lead", func(t *testing.T) {
		tuitest.Golden(t, tuitest.AssertFitsAtMost, newScreen(st, lead, noFile), []tuitest.Size{{80, 24}, {120, 30}})
	})
	t.Run("clinician", func(t *testing.T) {
		tuitest.Golden(t, tuitest.AssertFitsAtMost, newScreen(st, clinician, noFile), []tuitest.Size{{80, 24}})
	})
}

func TestFitsEverySize(t *testing.T) {
	st, lead := demoAs(t, amara)
	paths := map[string]string{"top": "", "bottom": "j j j j j j j j", "chosen": "l l j j l"}
	sizes := []tuitest.Size{{20, 5}, {40, 12}, {80, 24}, {200, 60}}
	tuitest.EverySize(t, paths, sizes, newScreen(st, lead, noFile), tuitest.AssertFitsAtMost)
}

// The person's theme chosen with → and saved with enter is written to config.toml,
// keeping the file's comments, and the root is told, which redraws the theme.
func TestSavePersonalTheme(t *testing.T) {
	st, me := demoAs(t, tom)
	path := filepath.Join(t.TempDir(), "caseload", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("# Tom's\ntheme = \"auto\" # as the terminal\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d, h := tuitest.Open(t, newScreen(st, me, path)(), 100, 30)
	d.Keys("l l")
	if !strings.Contains(d.Screen(), "‹ light › (was auto: enter saves)") {
		t.Fatalf("the chosen theme is not shown as unsaved:\n%s", d.Screen())
	}
	d.Keys("enter")
	h.WantTold(t, common.SettingsChangedMsg{Theme: "light"})
	text, err := os.ReadFile(path)
	if err != nil || string(text) != "# Tom's\ntheme = \"light\" # as the terminal\nmouse = false\naccessible = false\n" {
		t.Fatalf("config.toml is %q, %v", text, err)
	}
	if got, _ := config.Load(path); got.Theme != "light" {
		t.Errorf("config reads %+v", got)
	}
	if strings.Contains(d.Screen(), "was auto") {
		t.Errorf("still shown as unsaved after saving:\n%s", d.Screen())
	}
}

// The person's idle lock longer than the service's is allowed in the file but said not
// to apply; the root is told the minutes, and domain.LockMinutes keeps the shorter.
func TestPersonalLockCannotWeaken(t *testing.T) {
	st, me := demoAs(t, tom)
	path := filepath.Join(t.TempDir(), "config.toml")
	d, _ := tuitest.Open(t, newScreen(st, me, path)(), 120, 30)
	d.Keys("j j")
	for range 7 { // the service's, 1, 2, 5, 10, 15, 20, 30: round to 30
		d.Keys("l")
	}
	if !strings.Contains(d.Screen(), "the service's 15 minutes apply: yours can only be shorter") {
		t.Errorf("a longer lock is not said to be the service's:\n%s", d.Screen())
	}
}

// A clinician who is not a lead sees the service's settings and why they cannot change
// them; → and enter change nothing.
func TestNonLeadReadsServiceSettingsOnly(t *testing.T) {
	st, me := demoAs(t, tom)
	d, h := tuitest.Open(t, newScreen(st, me, noFile)(), 120, 30)
	d.Keys("j j j j")
	if !strings.Contains(d.Screen(), "only a lead can change the service's settings") {
		t.Errorf("no reason shown:\n%s", d.Screen())
	}
	d.Keys("l")
	if got := h.Sends(t, "enter"); !strings.Contains(got.(common.InfoMsg).Text, "only a lead") {
		t.Errorf("enter sent %#v", got)
	}
	ss, _ := st.Settings(context.Background())
	if ss[0].Value != "48-hours" {
		t.Errorf("the setting changed: %+v", ss[0])
	}
}

// A lead changes the caseload cap; when another lead changed it after the screen read
// it, the save is refused naming them and the screen shows the value as it is now.
func TestLeadChangesCapSeen(t *testing.T) {
	st, lead := demoAs(t, amara)
	d, h := tuitest.Open(t, newScreen(st, lead, noFile)(), 120, 30)
	d.Keys("j j j j j j l") // the service's third: caseload-cap, 8 → 4
	other := testdb.Another(t, st)
	if _, err := other.SetSetting(context.Background(), "demo:Dr Tom Halliwell", testNow, "caseload-cap", "12"); err != nil {
		t.Fatal(err)
	}
	d.Keys("enter")
	var refused error
	for _, m := range h.Seen {
		if e, ok := m.(common.ErrorMsg); ok {
			refused = e.Err
		}
	}
	if !errors.Is(refused, store.ErrConflict) || !strings.Contains(refused.Error(), "changed to 12 by") {
		t.Fatalf("refusal %v", refused)
	}
	if !strings.Contains(d.Screen(), "12 (was 12") && !strings.Contains(d.Screen(), "caseload-cap") {
		t.Errorf("screen:\n%s", d.Screen())
	}
	d.Keys("l enter") // now seen as 12: the next value is taken
	ss, _ := st.Settings(context.Background())
	if ss[2].Key != "caseload-cap" || ss[2].Value == "12" {
		t.Errorf("the lead's change after seeing 12 was not saved: %+v", ss[2])
	}
}

// Saving one line changes only that line of config.toml: a line changed by another
// session (or by hand) since the screen read the file is kept, not put back.
func TestSavingKeepsAnotherSessionsLine(t *testing.T) {
	st, me := demoAs(t, tom)
	path := filepath.Join(t.TempDir(), "caseload", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("theme = \"auto\"\nmouse = false\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d, _ := tuitest.Open(t, newScreen(st, me, path)(), 100, 30)
	if err := os.WriteFile(path, []byte("theme = \"auto\"\nmouse = true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.Keys("l l enter")
	got, problems := config.Load(path)
	if len(problems) > 0 || got.Theme != "light" || !got.Mouse {
		t.Errorf("config.toml reads %+v (%v): want the theme saved and the other session's mouse kept", got, problems)
	}
}

// A service setting chosen but not saved, then changed by another lead, is dropped
// with a word when the screen reads it again: enter never saves a choice made against
// a value no longer there.
func TestColleaguesChangeDropsAChoice(t *testing.T) {
	st, lead := demoAs(t, amara)
	d, h := tuitest.Open(t, newScreen(st, lead, noFile)(), 120, 30)
	d.Keys("j j j j j j l") // caseload-cap, 8 → 4, not saved
	other := testdb.Another(t, st)
	if _, err := other.SetSetting(context.Background(), "demo:Dr Tom Halliwell", testNow, "caseload-cap", "12"); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	var said string
	for _, m := range h.Seen {
		if i, ok := m.(common.InfoMsg); ok {
			said = i.Text
		}
	}
	if !strings.Contains(said, "was changed elsewhere to 12; your choice was not saved") {
		t.Fatalf("the dropped choice is not said: %q\n%s", said, d.Screen())
	}
	d.Keys("enter")
	ss, _ := st.Settings(context.Background())
	if ss[2].Key != "caseload-cap" || ss[2].Value != "12" {
		t.Errorf("enter saved over the colleague's change: %+v", ss[2])
	}
}
