package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/tuitest"
)

// fuzzKeys are what FuzzKeys types: every editing key of the inputs, the keys that move
// focus, esc, pastes, and letters of several scripts (with emoji and right-to-left).
var fuzzKeys = func() []tea.Msg {
	var out []tea.Msg
	for _, k := range strings.Fields("alt+d alt+delete ctrl+delete alt+backspace ctrl+w ctrl+k ctrl+u " +
		"left right home end alt+left alt+right alt+b alt+f ctrl+a backspace delete space " +
		"enter tab shift+tab esc up down a Z 7 / é 😀 ש ل 字") {
		out = append(out, tuitest.Key(k))
	}
	return append(out, tea.PasteMsg{Content: "two\nlines 😀"}, tea.PasteMsg{Content: "\r\n"})
}()

// Random key sequences into a form never panic.
func FuzzKeys(f *testing.F) {
	f.Add([]byte{28, 29, 30, 31, 7, 0})                   // risk-like letters, ←, alt+d
	f.Add([]byte{28, 20, 28, 20, 29, 20, 20, 21, 20, 22}) // through the pages
	f.Add([]byte{22, 28, 7, 0, 1, 2, 20, 22, 22})
	f.Fuzz(func(t *testing.T, data []byte) {
		v := &values{}
		d := tuitest.New(t, &tuitest.Host{Screen: testForm(v)}, 60, 20)
		for _, b := range data {
			d.Send(fuzzKeys[int(b)%len(fuzzKeys)])
		}
		d.Screen()
	})
}
