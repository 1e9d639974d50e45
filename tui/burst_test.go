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

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
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
	// What these tests hold is the order keys land in, not the bound on a hold: on a
	// machine the race detector and a parallel suite load, a form's first read can take
	// longer than holdAtMost, and the keys would then go, by design, to the screen below.
	// make test runs this beside its other jobs on two cores, so the patience is long: the
	// program quits as soon as the screen shows want, and waiting costs only a failure.
	app.hold.atMost = 20 * time.Second
	u := &untilScreen{App: app, want: want, wait: 30 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
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

// gate is terminal input that waits until the test opens it: the keys are typed only
// once the screen they are meant for is on top.
type gate struct {
	open chan struct{}
	keys *strings.Reader
}

func (g *gate) Read(p []byte) (int, error) {
	<-g.open
	return g.keys.Read(p)
}

// signingAtOnce opens a draft note and, once it is drawn, types s and y in one burst.
type signingAtOnce struct {
	*App
	gate   *gate
	opened bool
}

type stop struct{}

func (s *signingAtOnce) Init() tea.Cmd {
	return tea.Batch(s.App.Init(), tea.Tick(2*time.Second, func(time.Time) tea.Msg { return stop{} }))
}

func (s *signingAtOnce) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(stop); ok {
		return s, tea.Quit
	}
	_, cmd := s.App.Update(msg)
	if !s.opened && strings.Contains(ansi.Strip(s.App.View().Content), "Seen on the wing.") {
		s.opened = true
		close(s.gate.open)
	}
	return s, cmd
}

// TestAConfirmationIgnoresKeysTypedWhileItArms is H8 through the real program loop,
// with keys held in order: s then y typed at once open the signing dialog and are not
// taken as the answer. The root holds keys until a key's commands come back; the
// dialog's arming is a timer, so y is not held for it and then fed to it armed.
func TestAConfirmationIgnoresKeysTypedWhileItArms(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	ctx := context.Background()
	n, err := c.Store.SaveNoteDraft(ctx, c.Clinician.ID, testNow, domain.Note{CaseID: c.ID,
		Type: domain.NoteFaceToFace, ContactAt: testNow.Add(-time.Hour), DurationMinutes: 50, Text: "Seen on the wing."})
	if err != nil {
		t.Fatal(err)
	}
	com := tuitest.Session(testNow, c.Clinician)
	com.ArmAfter = 300 * time.Millisecond
	app := New(com, c.Store, "test")
	app.StopTicking()
	g := &gate{open: make(chan struct{}), keys: strings.NewReader("sy")}
	m := &signingAtOnce{App: app, gate: g}
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(g), tea.WithOutput(io.Discard),
		tea.WithWindowSize(100, 40), tea.WithColorProfile(colorprofile.NoTTY), tea.WithoutSignalHandler())
	go p.Send(common.OpenNoteMsg{NoteID: n.ID})
	if _, err := p.Run(); err != nil {
		t.Fatalf("program: %v", err)
	}
	if !m.opened {
		t.Fatal("the note never opened")
	}
	got, err := c.Store.Note(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Signed() {
		t.Fatal("s and y typed at once signed the note: the y reached the dialog once armed")
	}
	if !strings.Contains(ansi.Strip(app.View().Content), "Sign this note?") {
		t.Fatalf("the dialog is not open:\n%s", ansi.Strip(app.View().Content))
	}
}
