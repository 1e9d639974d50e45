package tuitest

import (
	"reflect"
	"sync"
	"time"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"
)

// Commands that only wait (a cursor blink, a tick) would make every test sleep and, fed
// back, loop for ever; nothing a test reads depends on them. Every closure made by one
// function literal shares its code pointer, so one sample of each identifies them all.
var sleepers = sync.OnceValue(func() map[uintptr]bool {
	c := cursor.New()
	c.Focus()
	blink := c.Blink()
	tick := tea.Tick(time.Hour, func(time.Time) tea.Msg { return nil })
	return map[uintptr]bool{
		reflect.ValueOf(blink).Pointer(): true,
		reflect.ValueOf(tick).Pointer():  true,
	}
})

func isSleeper(cmd tea.Cmd) bool { return sleepers()[reflect.ValueOf(cmd).Pointer()] }
