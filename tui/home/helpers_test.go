package home

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

const tom = "Dr Tom Halliwell"

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// drive shows the home screen of st to me at w×h, loaded.
func drive(t testing.TB, st *store.Store, me domain.Clinician, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	com := common.NewCommon(context.Background(), clock.Fixed(testNow), "os:test").AsClinician(me)
	hst := &tuitest.Host{Screen: New(com, st)}
	return tuitest.New(t, hst, w, h), hst
}

// agendaOf is the agenda the screen should show me at now, built as the screen builds it.
func agendaOf(t testing.TB, st *store.Store, me domain.Clinician, now time.Time) domain.Agenda {
	t.Helper()
	f, err := st.AgendaFacts(context.Background(), me.ID, ident.DateOf(now.In(clock.London())))
	if err != nil {
		t.Fatal(err)
	}
	return domain.BuildAgenda(f, me.ID, now)
}

// enter presses enter on the line under the cursor and returns what it asks the root.
func enter(t testing.TB, h *tuitest.Host) any {
	t.Helper()
	_, cmd := h.Screen.Update(tuitest.Key("enter"))
	if cmd == nil {
		t.Fatal("enter gave no command")
	}
	return cmd()
}

func assertFits(t *testing.T, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	if len(lines) > h {
		t.Errorf("%d lines, want at most %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide, want at most %d: %q", i+1, n, w, l)
		}
	}
}

func sizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }
