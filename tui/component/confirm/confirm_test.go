package confirm

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/clock"
	"caseload/tui/common"
)

func TestKeysBeforeArmingAreIgnored(t *testing.T) {
	com := common.NewCommon(context.Background(), clock.Fixed(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)), "os:test")
	m, arm := New(com, "Sign this note?", "Face to face, 24 Nov 2026 10:00")
	y := tea.KeyPressMsg{Code: 'y', Text: "y"}
	if cmd := m.Update(y); cmd != nil {
		t.Fatal("y before arming was taken")
	}
	start := time.Now()
	armed := arm()
	m.Update(armed)
	if time.Since(start) < com.ArmAfter/2 {
		t.Fatal("arming did not wait")
	}
	cmd := m.Update(y)
	if cmd == nil {
		t.Fatal("y after arming ignored")
	}
	if r, ok := cmd().(Result); !ok || !r.Confirmed || r.Dialog != m {
		t.Fatalf("result %+v", r)
	}
	other, _ := New(com, "Another?")
	other.Update(armed) // a stale arming must not arm another dialog
	if other.armed {
		t.Fatal("an old dialog's arming armed a new one")
	}
	if r := other.Update(tea.KeyPressMsg{Code: tea.KeyEscape})().(Result); r.Confirmed {
		t.Fatal("esc confirmed")
	}
}
