package caseload

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/internal/clock"
	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// demoStore is a real database file holding the demo clinicians, referrals and cases.
func demoStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Create(ctx, filepath.Join(t.TempDir(), "caseload.db"), testNow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := demo.Populate(ctx, st, "os:test", testNow); err != nil {
		t.Fatal(err)
	}
	return st
}

// clinician is the demo clinician with this name.
func clinician(t testing.TB, st *store.Store, name string) domain.Clinician {
	t.Helper()
	cs, err := st.Clinicians(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no clinician %q", name)
	return domain.Clinician{}
}

// host stands in for the root: it sizes the screen, routes messages to it, and keeps
// the messages meant for the root instead of acting on them.
type host struct {
	screen common.Screen
	sent   []tea.Msg
}

func (h *host) Init() tea.Cmd { return h.screen.Init() }

func (h *host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		h.screen.SetSize(m.Width, m.Height)
		return h, nil
	case common.OpenCaseMsg, common.OpenNoteMsg, common.BackMsg, common.ErrorMsg:
		h.sent = append(h.sent, msg)
		return h, nil
	}
	var cmd tea.Cmd
	h.screen, cmd = h.screen.Update(msg)
	return h, cmd
}

func (h *host) View() tea.View { return tea.NewView(h.screen.View()) }

// drive shows the caseload of st to me at w×h, loaded.
func drive(t testing.TB, st *store.Store, me domain.Clinician, w, h int) (*tuitest.Driver, *host) {
	t.Helper()
	com := common.NewCommon(context.Background(), clock.Fixed(testNow), "os:test").AsClinician(me)
	hst := &host{screen: New(com, st)}
	return tuitest.New(t, hst, w, h), hst
}

// The store is the list's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// signNote signs a note by me, about a contact an hour before testNow, on the first of
// my cases, and returns the case.
func signNote(t testing.TB, st *store.Store, me domain.Clinician, text string) int64 {
	t.Helper()
	for _, s := range summaries(t, st) {
		if s.Case.AllocatedClinicianID == me.ID {
			addNote(t, st, me.ID, s.Case.ID, testNow.Add(-time.Hour), text, true)
			return s.Case.ID
		}
	}
	t.Fatalf("%s holds no case", me.Name)
	return 0
}

func summaries(t testing.TB, st *store.Store) []domain.CaseSummary {
	t.Helper()
	sums, err := st.CaseSummaries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func addNote(t testing.TB, st *store.Store, who, caseID int64, contact time.Time, text string, sign bool) {
	t.Helper()
	ctx := context.Background()
	n, err := st.SaveNoteDraft(ctx, who, contact, domain.Note{CaseID: caseID, Type: domain.NoteTelephone,
		ContactAt: contact, DurationMinutes: 30, Text: text})
	if err == nil && sign {
		_, err = st.SignNote(ctx, who, contact, n.ID)
	}
	if err != nil {
		t.Fatal(err)
	}
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

// rowsOf is the case rows of a screen: every line below the headings that names a
// clinician, a formulation or a date.
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

func sizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }
