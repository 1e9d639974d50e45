package tui

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"caseload/internal/testdb"
)

// untilScreen runs the app in a real Bubble Tea program, with input read from in as a
// terminal's bytes, until the screen shows want or wait runs out; it returns the last
// screen. The program loop is what finding 6 needs: keys arrive faster than the
// commands they start come back, which a test driver that runs each command at once
// cannot show.
type untilScreen struct {
	*App
	want string
	wait time.Duration
	last string
}

type giveUp struct{}

func (u *untilScreen) Init() tea.Cmd {
	return tea.Batch(u.App.Init(), tea.Tick(u.wait, func(time.Time) tea.Msg { return giveUp{} }))
}

func (u *untilScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(giveUp); ok {
		return u, tea.Quit
	}
	_, cmd := u.App.Update(msg)
	u.last = ansi.Strip(u.App.View().Content)
	if strings.Contains(u.last, u.want) && len(u.hold.keys) == 0 && !u.holding() {
		return u, tea.Batch(cmd, tea.Quit)
	}
	return u, cmd
}

func runBurst(t *testing.T, app *App, burst, want string) string {
	t.Helper()
	u := &untilScreen{App: app, want: want, wait: 5 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	p := tea.NewProgram(u, tea.WithContext(ctx), tea.WithInput(strings.NewReader(burst)), tea.WithOutput(io.Discard),
		tea.WithWindowSize(100, 40), tea.WithColorProfile(colorprofile.NoTTY), tea.WithoutSignalHandler())
	if _, err := p.Run(); err != nil {
		t.Fatalf("program: %v", err)
	}
	return u.last
}

// TestBurstLandsInTheFieldsMeant is finding 6: `n`, then a given name, enter, a family
// name, enter, a date of birth, typed in one burst from the home screen, fill the new
// referral's fields as a person meant, not "AbcdefGh", "ijkl0", "1/01/1980".
func TestBurstLandsInTheFieldsMeant(t *testing.T) {
	app := newApp(t, testdb.Demo(t, testNow))
	screen := runBurst(t, app, "nAbcdef\rGhijkl\r01/01/1980", "01/01/1980")
	for _, want := range []string{"Abcdef", "Ghijkl", "01/01/1980"} {
		if !strings.Contains(screen, want) {
			t.Errorf("%q is not on the form:\n%s", want, screen)
		}
	}
	for _, wrong := range []string{"AbcdefG", "ijkl0", " 1/01/1980"} {
		if strings.Contains(screen, wrong) {
			t.Errorf("%q on the form: keys landed in the wrong field\n%s", wrong, screen)
		}
	}
}
