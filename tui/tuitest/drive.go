// Package tuitest drives Bubble Tea models in tests as a program would, without one:
// it sends messages, runs the commands they return, and feeds the results back until
// nothing is left to do. No goroutine scheduling, no sleeps, so tests are repeatable.
package tuitest

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// cmdTimeout guards against a command that sleeps (a timer nobody expected): the test
// fails naming it instead of hanging.
const cmdTimeout = 10 * time.Second

// maxMessages per Send: more means two messages feed each other for ever; the test
// fails naming them instead of spinning.
const maxMessages = 5000

var debug = os.Getenv("TUITEST_DEBUG") != ""

// Driver holds a model under test.
type Driver struct {
	t     testing.TB
	Model tea.Model
	sent  int      // messages delivered since the last outside Send
	trail []string // their types, for the failure message
	// Quit is set once a command has asked the program to quit.
	Quit bool
}

// New starts driving m at the given size: Init runs and its commands settle.
func New(t testing.TB, m tea.Model, width, height int) *Driver {
	t.Helper()
	d := &Driver{t: t, Model: m}
	d.Send(tea.WindowSizeMsg{Width: width, Height: height})
	d.run(m.Init())
	return d
}

// Send delivers one message and runs everything it leads to.
func (d *Driver) Send(msg tea.Msg) *Driver {
	d.t.Helper()
	d.sent, d.trail = 0, d.trail[:0]
	d.deliver(msg)
	return d
}

func (d *Driver) deliver(msg tea.Msg) {
	d.t.Helper()
	d.sent++
	d.trail = append(d.trail, fmt.Sprintf("%T", msg))
	if debug {
		fmt.Printf("tuitest: %T\n", msg)
	}
	if d.sent > maxMessages {
		d.t.Fatalf("more than %d messages from one send; last ones: %v", maxMessages, d.trail[len(d.trail)-10:])
	}
	var cmd tea.Cmd
	d.Model, cmd = d.Model.Update(msg)
	d.run(cmd)
}

// Keys sends each space-separated key name ("j", "enter", "esc", "ctrl+c", "space").
func (d *Driver) Keys(names string) *Driver {
	d.t.Helper()
	for _, n := range strings.Fields(names) {
		d.Send(Key(n))
	}
	return d
}

// Type sends each rune of s as a key press, as typing does.
func (d *Driver) Type(s string) *Driver {
	d.t.Helper()
	for _, r := range s {
		d.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return d
}

// Screen is the current frame with colour and styling stripped.
func (d *Driver) Screen() string {
	return ansi.Strip(d.Model.View().Content)
}

func (d *Driver) run(cmd tea.Cmd) {
	d.t.Helper()
	if cmd == nil || isSleeper(cmd) {
		return
	}
	msg := d.exec(cmd)
	if msg == nil {
		return
	}
	if cmds, ok := batch(msg); ok {
		for _, c := range cmds {
			d.run(c)
		}
		return
	}
	switch msg.(type) {
	case tea.QuitMsg:
		d.Quit = true
		return
	}
	// Cursor blinking is the one timer every text field starts; delivering its first
	// message would start a chain of sleeps, and a blink changes nothing a test reads.
	if fmt.Sprintf("%T", msg) == "cursor.initialBlinkMsg" {
		return
	}
	d.deliver(msg)
}

func (d *Driver) exec(cmd tea.Cmd) tea.Msg {
	d.t.Helper()
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(cmdTimeout):
		d.t.Fatalf("a command did not return within %v: %s", cmdTimeout, reflect.ValueOf(cmd).String())
		return nil
	}
}

// batch unpacks tea.Batch and tea.Sequence results, whose commands the program would
// run; sequence's type is unexported, so it is recognised by shape.
func batch(msg tea.Msg) ([]tea.Cmd, bool) {
	if b, ok := msg.(tea.BatchMsg); ok {
		return b, true
	}
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		cmds := make([]tea.Cmd, v.Len())
		for i := range cmds {
			cmds[i] = v.Index(i).Interface().(tea.Cmd)
		}
		return cmds, true
	}
	return nil, false
}
