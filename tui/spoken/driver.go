package spoken

import (
	"io"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// Frame is what the root would say at one moment.
type Frame struct {
	// Screen names what is on top (the screen's layer, help, the lock): when it changes,
	// every line is said again, as a sighted person sees a whole new screen.
	Screen string
	// Lines are the top screen's Speech (common.Speaker), or help's.
	Lines []string
	// Status is the status line: an error, a refusal, what was saved. "" when none.
	Status string
	// Settled is false while the last key's work is still coming back (a load, a form
	// moving its focus): the driver waits, so a half-loaded screen is never read out.
	Settled bool
}

// Placed is a screen with places of its own that each read as a screen (a case's
// tabs): the root adds the place to Frame.Screen, so moving to another is heard whole.
type Placed interface {
	Place() string
}

// Root is the app as the driver needs it.
type Root interface {
	tea.Model
	Spoken() Frame
}

// Driver is the model the program runs in the accessible mode.
type Driver struct {
	root Root
	out  io.Writer
	nl   string
	// said is the last frame written, or taken in silently; status the status said
	// since the last key (a key acknowledges it, as the root clears it).
	said   Frame
	status string
	// heard is what each screen last said, so going back to one says only what
	// changed on it while it was underneath (a decision just recorded), after its
	// first line, which says where the person now is.
	heard map[string][]string
	// asked is true from a key until the next minute's tick: what changes in that time
	// is the key's answer, however late it lands (a screen gone back to reloads after a
	// decision is saved); what changes on a tick, and after it until the next key (a
	// clock moving on, a reload), is taken in silently, or a screen reader would
	// interrupt the person every minute.
	asked bool
	greet bool // Greeting not yet said
}

// New drives root, writing sentences to out, each ended by newline ("\r\n" when the
// terminal is in raw mode, where "\n" does not return the carriage).
func New(root Root, out io.Writer, newline string) *Driver {
	if newline == "" {
		newline = "\n"
	}
	return &Driver{root: root, out: out, nl: newline, asked: true, heard: map[string][]string{}, greet: true}
}

// Root is the model driven, for tests and for the program's end (its drafts, its crash).
func (d *Driver) Root() Root { return d.root }

// Init starts the root.
func (d *Driver) Init() tea.Cmd { return d.root.Init() }

// Update hands msg to the root, then says what changed.
func (d *Driver) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		d.asked, d.status = true, ""
	case common.TickMsg:
		d.asked = false
	case tea.WindowSizeMsg:
		// Nothing is drawn, but below its minimum the root takes no keys (Options).
		msg = tea.WindowSizeMsg{Width: max(m.Width, minWidth), Height: max(m.Height, minHeight)}
	}
	m, cmd := d.root.Update(msg)
	if r, ok := m.(Root); ok {
		d.root = r
	}
	d.speak()
	return d, cmd
}

// View draws nothing: the program runs without a renderer, and should one be used
// anyway (a test), the frame is empty rather than a second copy of the words.
func (d *Driver) View() tea.View { return tea.NewView("") }

// speak writes what the person has not heard yet.
func (d *Driver) speak() {
	f := d.root.Spoken()
	if !f.Settled {
		return
	}
	if f.Screen != d.said.Screen {
		d.asked = true // a screen coming up is news, whatever brought it (a sign-in, a lock)
	}
	var out []string
	before, back := d.heard[f.Screen]
	switch {
	case f.Screen != d.said.Screen && back && len(f.Lines) > 0:
		out = append([]string{f.Lines[0]}, Changed(append(before, f.Lines[0]), f.Lines[1:])...)
	case f.Screen != d.said.Screen:
		out = f.Lines
	case d.asked:
		out = Changed(d.said.Lines, f.Lines)
	}
	if len(f.Lines) > 0 || f.Screen != d.said.Screen {
		d.said = f // a screen still loading says nothing: the key's answer is its first words
		if len(f.Lines) > 0 {
			d.heard[f.Screen] = f.Lines
		}
	}
	if f.Status != "" && f.Status != d.status {
		out = append(out, f.Status)
		d.status = f.Status
	}
	d.write(out)
}

func (d *Driver) write(lines []string) {
	if d.greet && len(lines) > 0 {
		lines, d.greet = append([]string{Greeting}, lines...), false
	}
	var b strings.Builder
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			b.WriteString(l + d.nl)
		}
	}
	if b.Len() > 0 {
		_, _ = io.WriteString(d.out, b.String())
	}
}

// Changed is the lines of now not in before, in order: a line heard once is not heard
// again while it stands (the screen's first line while the cursor moves), and a line
// moved up or down by another coming or going is not news.
func Changed(before, now []string) []string {
	var out []string
	for _, l := range now {
		if !slices.Contains(before, l) {
			out = append(out, l)
		}
	}
	return out
}

// Of is the speech of s, nil for a screen that says nothing (still loading, or not yet
// a Speaker: its title is said instead, so the person knows where they are).
func Of(s common.Screen) []string {
	if sp, ok := s.(common.Speaker); ok {
		return sp.Speech()
	}
	return []string{Sentence(s.Title())}
}
