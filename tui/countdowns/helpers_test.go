package countdowns

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

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// drive shows the countdowns of st to me at w×h, loaded.
func drive(t testing.TB, st *store.Store, me domain.Clinician, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	com := common.NewCommon(context.Background(), clock.Fixed(testNow), "os:test").AsClinician(me)
	hst := &tuitest.Host{Screen: New(com, st)}
	return tuitest.New(t, hst, w, h), hst
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

// rowsOf is the case rows of a screen: the lines below the headings drawn with the
// selection marker or its room.
func rowsOf(screen string) []string {
	lines := strings.Split(screen, "\n")
	if len(lines) < 2 {
		return nil
	}
	var rows []string
	for _, l := range lines[2:] {
		if strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "› ") {
			rows = append(rows, l)
		}
	}
	return rows
}

// onPathway is the open cases of st in countdown order on testNow.
func onPathway(t testing.TB, st *store.Store) []domain.Countdown {
	t.Helper()
	cases, err := st.CasesOnPathway(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return domain.Countdowns(cases, ident.DateOf(testNow.In(clock.London())))
}

func sizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }
