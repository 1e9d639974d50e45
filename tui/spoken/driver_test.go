package spoken

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// fakeRoot stands in for the root: its frame is whatever the test sets next. The real
// root is driven in tui's TestAccessibleScreeningTranscript.
type fakeRoot struct{ frame Frame }

func (r *fakeRoot) Init() tea.Cmd                       { return nil }
func (r *fakeRoot) Update(tea.Msg) (tea.Model, tea.Cmd) { return r, nil }
func (r *fakeRoot) View() tea.View                      { return tea.NewView("") }
func (r *fakeRoot) Spoken() Frame                       { return r.frame }

type step struct {
	msg   tea.Msg
	frame Frame
	want  []string
}

var key = tea.KeyPressMsg{Code: 'j', Text: "j"}

type tick struct{} // any message that is not a key

func TestDriverSaysOnlyWhatChanged(t *testing.T) {
	queue := func(cursor string, status string) Frame {
		return Frame{Screen: "2", Lines: []string{"Referral queue, 15 awaiting screening.", cursor}, Status: status, Settled: true}
	}
	tests := map[string][]step{
		"a new screen is said whole, then only the cursor's line": {
			{key, queue("1 of 15: Liam.", ""), []string{Greeting, "Referral queue, 15 awaiting screening.", "1 of 15: Liam."}},
			{key, queue("2 of 15: Darren.", ""), []string{"2 of 15: Darren."}},
		},
		"a key that changes nothing says nothing": {
			{key, queue("1 of 15: Liam.", ""), nil},
			{key, queue("1 of 15: Liam.", ""), nil},
		},
		"nothing is said until the key's work has come back": {
			{key, Frame{Screen: "4", Lines: []string{"Referral for Liam."}, Settled: false}, nil},
			{tick{}, Frame{Screen: "4", Lines: []string{"Referral for Liam.", "Eligible."}, Settled: true}, []string{"Referral for Liam.", "Eligible."}},
		},
		"a screen still loading says nothing, and its first words are the answer": {
			{key, Frame{Screen: "3", Settled: true}, nil},
			{tick{}, Frame{Screen: "3", Lines: []string{"Today: 3 to screen."}, Settled: true}, []string{"Today: 3 to screen."}},
		},
		"a change on the minute's tick is taken in silently, and until the next key": {
			{common.TickMsg{}, queue("1 of 15: Liam, overdue by 4 hours.", ""), nil},
			{tick{}, queue("1 of 15: Liam, overdue by 5 hours.", ""), nil},
			{key, queue("2 of 15: Darren.", ""), []string{"2 of 15: Darren."}},
		},
		"what lands after the key, before the tick, is its answer": {
			{key, Frame{Screen: "4", Lines: []string{"Referral for Liam: received."}, Settled: true}, []string{"Referral for Liam: received."}},
			{tick{}, Frame{Screen: "4", Lines: []string{"Referral for Liam: screened in."}, Settled: true}, []string{"Referral for Liam: screened in."}},
		},
		"the status is said once, and again after another key": {
			{key, queue("1 of 15: Liam.", "Error: Already screened."), []string{"Error: Already screened."}},
			{tick{}, queue("1 of 15: Liam.", "Error: Already screened."), nil},
			{key, queue("1 of 15: Liam.", "Error: Already screened."), []string{"Error: Already screened."}},
		},
		"going back says where, then what changed underneath": {
			{key, Frame{Screen: "5", Lines: []string{"Screen form.", "Decision: screen in."}, Settled: true}, []string{"Screen form.", "Decision: screen in."}},
			{key, queue("1 of 14: Darren.", "Screened in Liam."), []string{"Referral queue, 15 awaiting screening.", "1 of 14: Darren.", "Screened in Liam."}},
		},
	}
	for name, steps := range tests {
		t.Run(name, func(t *testing.T) {
			root := &fakeRoot{}
			var out bytes.Buffer
			d := New(root, &out, "\n")
			// Every case starts on the queue, heard, except the greeting's own case.
			if !strings.HasPrefix(name, "a new screen") {
				root.frame = queue("1 of 15: Liam.", "")
				d.Update(key)
				if !strings.HasPrefix(name, "going back") {
					root.frame = Frame{Screen: "2", Lines: root.frame.Lines, Settled: true}
				}
			}
			for i, s := range steps {
				out.Reset()
				root.frame = s.frame
				d.Update(s.msg)
				got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
				if out.Len() == 0 {
					got = nil
				}
				if strings.Join(got, "|") != strings.Join(s.want, "|") {
					t.Errorf("step %d said %q, want %q", i, got, s.want)
				}
			}
		})
	}
}

func TestDriverEndsLinesAsTheTerminalNeeds(t *testing.T) {
	root := &fakeRoot{frame: Frame{Screen: "1", Lines: []string{"Today: nothing due."}, Settled: true}}
	var out bytes.Buffer
	New(root, &out, "\r\n").Update(key)
	if want := Greeting + "\r\nToday: nothing due.\r\n"; out.String() != want {
		t.Fatalf("wrote %q, want %q", out.String(), want)
	}
}

func TestAccessibleModeIsChosenByFlagSettingOrDumbTerminal(t *testing.T) {
	tests := []struct {
		flag, setting bool
		term          string
		want          bool
	}{
		{false, false, "xterm-256color", false},
		{false, false, "", false},
		{false, false, "dumb", true},
		{true, false, "xterm-256color", true},
		{false, true, "screen", true},
		{true, true, "dumb", true},
	}
	for _, tc := range tests {
		if got := Wanted(tc.flag, tc.setting, tc.term); got != tc.want {
			t.Errorf("Wanted(%v, %v, %q) = %v, want %v", tc.flag, tc.setting, tc.term, got, tc.want)
		}
	}
}

func TestWordsSayWhatIsDrawn(t *testing.T) {
	tests := []struct{ drawn, said string }{
		{"\x1b[1m✓ Eligible\x1b[0m · received · due in 43h 10m", "passes: Eligible, received, due in 43 hours 10 minutes"},
		{"✗ RoSH to others is Medium.", "fails: RoSH to others is Medium."},
		{"? Health needs not recorded.", "not known: Health needs not recorded."},
		{"› ⚠ Liam McAllister   overdue by 5d 5h", "warning: Liam McAllister overdue by 5 days 5 hours"},
		{"due in 1h 01m", "due in 1 hour 1 minute"},
		{"due in 29h 00m", "due in 29 hours"},
		{"Facts │ Eligibility checklist", "Facts, Eligibility checklist"},
		{"────────", ""},
		{"Loading referrals…", "Loading referrals"},
	}
	for _, tc := range tests {
		if got := Words(tc.drawn); got != tc.said {
			t.Errorf("Words(%q) = %q, want %q", tc.drawn, got, tc.said)
		}
	}
	pairs := []struct{ drawn, said string }{
		{"Phase            Release date unknown", "Phase: Release date unknown."},
		{"Consultation 2026-11-20: accepted.", "Consultation: 2026-11-20: accepted."},
		{"                 and a second line", "and a second line."},
		{"No changes recorded: the dates are as the case opened with them.", "No changes recorded: the dates are as the case opened with them."},
		{"Sentence date changes (r records one).", "Sentence date changes (r records one)."},
		{"This is the way things go now.", "This is the way things go now."},
	}
	for _, tc := range pairs {
		width := 17
		if strings.HasPrefix(tc.drawn, "Consultation") {
			width = 13
		}
		if got := Pair(tc.drawn, width); got != tc.said {
			t.Errorf("Pair(%q, %d) = %q, want %q", tc.drawn, width, got, tc.said)
		}
	}
	for k, want := range map[string]string{"↑/k": "up or k", "esc": "escape", "/": "slash", "?": "question mark", "pgdn": "page down", "ctrl+f": "control f", "G": "shift g"} {
		if got := Key(k); got != want {
			t.Errorf("Key(%q) = %q, want %q", k, got, want)
		}
	}
}

// TestQuietDropsTerminalQueries: the accessible program's filter drops what would write
// an escape sequence to the terminal, and nothing else.
func TestQuietDropsTerminalQueries(t *testing.T) {
	for _, q := range []tea.Msg{tea.RequestBackgroundColor(), tea.RequestCursorPosition(), tea.RawMsg{Msg: "\x1b[?1049h"}} {
		if Quiet(q) != nil {
			t.Errorf("%T went through", q)
		}
	}
	for _, m := range []tea.Msg{key, tea.WindowSizeMsg{Width: 80, Height: 24}, tick{}} {
		if Quiet(m) == nil {
			t.Errorf("%T was dropped", m)
		}
	}
}

// TestDriverKeepsTheWindowAtTheMinimum: a small terminal must not make the root refuse
// keys, since nothing is drawn in it.
func TestDriverKeepsTheWindowAtTheMinimum(t *testing.T) {
	var got tea.WindowSizeMsg
	root := &sizeRoot{got: &got}
	New(root, &bytes.Buffer{}, "\n").Update(tea.WindowSizeMsg{Width: 30, Height: 6})
	if got.Width < minWidth || got.Height < minHeight {
		t.Fatalf("the root was given %dx%d", got.Width, got.Height)
	}
}

type sizeRoot struct {
	fakeRoot
	got *tea.WindowSizeMsg
}

func (r *sizeRoot) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(tea.WindowSizeMsg); ok {
		*r.got = m
	}
	return r, nil
}
