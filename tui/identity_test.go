package tui

import (
	"caseload/internal/testdb"
	"context"
	"strings"
	"testing"

	"caseload/internal/clock"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// TestFirstUseBindsTheAccountOnce opens the app for an account bound to nobody: it asks
// which clinician this is before showing anything, binds the choice, and a later session
// finds the account bound.
func TestFirstUseBindsTheAccountOnce(t *testing.T) {
	st := testdb.Demo(t, testNow)
	ctx := context.Background()
	app := New(common.NewCommon(ctx, clock.Fixed(testNow), "os:jo"), st, "jo")
	app.StopTicking()
	d := tuitest.New(t, app, 80, 24)
	screen := d.Screen()
	if !strings.Contains(screen, "This account (jo) is not yet linked") || strings.Contains(screen, "overdue") {
		t.Fatalf("first use did not ask who this is, or showed records:\n%s", screen)
	}
	d.Keys("ctrl+f")
	if strings.Contains(d.Screen(), "Search") {
		t.Fatal("search opened before the clinician was known")
	}
	d.Keys("j j enter y")
	if !strings.Contains(d.Screen(), "Today") || !strings.Contains(d.Screen(), "Signed in as") {
		t.Fatalf("no home screen after choosing:\n%s", d.Screen())
	}
	me, ok, err := st.ClinicianByOSUser(ctx, "jo")
	if err != nil || !ok || me.ID != 2 {
		t.Fatalf("account bound to %+v, %v, %v; want the second clinician", me, ok, err)
	}
}
