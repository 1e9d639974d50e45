package settings

import (
	"slices"
	"testing"

	"caseload/tui/tuitest"
)

func TestSpeech(t *testing.T) {
	st, me := demoAs(t, tom)
	d, _ := tuitest.Open(t, newScreen(st, me, noFile)(), 100, 30)
	m := d.Model.(*tuitest.Host).Screen.(*Model)
	want := []string{"Settings, 4 of yours and 4 of the service's.",
		"1 of 8, yours, Theme: auto; dark or light, as the terminal's background."}
	if got := m.Speech(); !slices.Equal(got, want) {
		t.Errorf("Speech = %q, want %q", got, want)
	}
	d.Keys("l j j j j j l")
	want = []string{"Settings, 4 of yours and 4 of the service's.",
		"6 of 8, the service's, idle-lock-minutes: 15; only a lead can change the service's settings; ask yours."}
	if got := m.Speech(); !slices.Equal(got, want) {
		t.Errorf("Speech = %q, want %q", got, want)
	}
}
