package tui

import (
	"reflect"
	"runtime/debug"
	"sync"
	"time"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/clock"
	"caseload/tui/common"
)

// A screen's commands are wrapped by the root so that what they return comes back
// addressed to that screen alone: two forms on the stack share message types (huh's
// "next field", a form's "saved"), and a form three screens down once submitted a
// release when a message meant for the addendum on top reached it too.

// reply is a command's result on its way back to the screen (layer id) whose command it
// was; to 0 is the root's own. hold is the key hold the command counts towards, or 0.
type reply struct {
	to   int
	hold int
	msg  tea.Msg
}

// expand is a batch or sequence that a wrapped command returned: the root wraps each of
// its commands in turn, so their results are addressed too.
type expand struct {
	to, hold int
	cmds     []tea.Cmd
	sequence bool
}

// crashed is a panic caught in a command; the root stops the app as for one in Update.
type crashed struct{ c *Crash }

// wrap addresses cmd's result to layer to. Timers (a cursor blink, tea.Tick) are left as
// they are: they only wait, their messages carry their own identity and are broadcast,
// and a test driver recognises them to skip the wait.
func wrap(to, hold int, cmd tea.Cmd) tea.Cmd {
	if cmd == nil || isTimer(cmd) {
		return cmd
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = crashed{c: newCrash(r, debug.Stack())}
			}
		}()
		took := clock.Stopwatch()
		out := cmd()
		slow(out, took())
		if b, ok := out.(tea.BatchMsg); ok {
			return expand{to: to, hold: hold, cmds: b}
		}
		if cmds, ok := sequenceOf(out); ok {
			return expand{to: to, hold: hold, cmds: cmds, sequence: true}
		}
		return reply{to: to, hold: hold, msg: out}
	}
}

// sequenceOf recognises tea.Sequence's result, whose type is unexported, by its shape.
func sequenceOf(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// rebuild returns the batch or sequence of e's commands, each wrapped, and how many of
// them count towards a key hold (timers and nils do not).
func rebuild(e expand) (tea.Cmd, int) {
	wrapped := make([]tea.Cmd, 0, len(e.cmds))
	counted := 0
	for _, c := range e.cmds {
		if c == nil {
			continue
		}
		if !isTimer(c) {
			counted++
		}
		wrapped = append(wrapped, wrap(e.to, e.hold, c))
	}
	if e.sequence {
		return tea.Sequence(wrapped...), counted
	}
	return tea.Batch(wrapped...), counted
}

// fromTea reports whether msg is one of Bubble Tea's own (quit, a window title, a
// terminal query): the program acts on those before the model sees them, so they must
// reach it unwrapped.
func fromTea(msg tea.Msg) bool {
	t := reflect.TypeOf(msg)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t != nil && t.PkgPath() == teaPkg
}

var teaPkg = reflect.TypeFor[tea.QuitMsg]().PkgPath()

// timers are the code of the commands that only wait. Every closure made by one
// function literal shares its code pointer, so one sample of each stands for all.
var timers = sync.OnceValue(func() map[uintptr]bool {
	c := cursor.New()
	c.Focus()
	never := func(time.Time) tea.Msg { return nil }
	return map[uintptr]bool{
		reflect.ValueOf(c.Blink()).Pointer():                   true,
		reflect.ValueOf(tea.Tick(time.Hour, never)).Pointer():  true,
		reflect.ValueOf(tea.Every(time.Hour, never)).Pointer(): true,
	}
})

func isTimer(cmd tea.Cmd) bool { return timers()[reflect.ValueOf(cmd).Pointer()] }

// broadcasts reports whether msg is one every screen hears, whoever sent it.
func broadcasts(msg tea.Msg) bool {
	switch msg.(type) {
	case common.TickMsg, common.DataChangedMsg, common.ReferralChangedMsg, common.CaseChangedMsg,
		common.AccessRequestsChangedMsg:
		return true
	}
	return false
}
