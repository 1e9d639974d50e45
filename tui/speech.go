package tui

import (
	"fmt"
	"runtime/debug"

	"caseload/tui/spoken"
)

// Spoken is the frame as the accessible mode says it (tui/spoken, docs/ACCESSIBILITY.md):
// the top screen's speech, or help's, or the lock's one sentence; the status line; and
// whether the last key's work has all come back (no key held, none settling).
//
// A panic while a screen says itself stops the app as one while drawing does (View):
// the fault's one sentence is said, the drafts are saved, and no Go stack is read out.
func (a *App) Spoken() (f spoken.Frame) {
	defer func() {
		if r := recover(); r != nil {
			a.crash = newCrash(r, debug.Stack())
			f = spoken.Frame{Settled: true, Screen: "crash", Lines: []string{crashWords}}
			if a.quit != nil {
				go a.quit()
			}
		}
	}()
	f = spoken.Frame{Settled: len(a.hold.keys) == 0 && !a.holding()}
	switch {
	case a.crash != nil:
		f.Screen, f.Lines = "crash", []string{crashWords}
		return f
	case a.idle.locked:
		f.Screen, f.Lines = "lock", []string{"Locked. Press enter to continue as " + a.com.Me.Name + "."}
		return f
	case a.showHelp:
		f.Screen, f.Lines = "help", a.helpSpeech()
	case a.paletteOpen():
		f.Screen, f.Lines = "palette", a.palette.Speech()
	default:
		f.Screen = fmt.Sprint(a.stack[len(a.stack)-1].id)
		if p, ok := a.top().(spoken.Placed); ok {
			f.Screen += "/" + p.Place()
		}
		f.Lines = spoken.Of(a.top())
	}
	if st := a.statusLine(); st.text != "" {
		f.Status = spoken.Sentence(st.text)
		if st.err {
			f.Status = "Error: " + f.Status
		}
	}
	return f
}

// helpSpeech is help read out: the screen it is for, then each key and what it does.
func (a *App) helpSpeech() []string {
	out := []string{"Help for " + spoken.Words(a.top().Title()) + ". Press question mark or escape to close it."}
	for _, group := range a.fullHelp() {
		for _, b := range group {
			h := b.Help()
			if !b.Enabled() || h.Key == "" {
				continue
			}
			out = append(out, spoken.Sentence(spoken.Key(h.Key)+": "+h.Desc))
		}
	}
	return out
}
