package list

import tea "charm.land/bubbletea/v2"

// Loads keeps a screen's loads of its data one at a time. The root broadcasts
// common.DataChangedMsg each time another process commits, as often as once a second,
// and a whole-queue read takes a good part of that: a change noticed while a load runs
// asks for one more load once it lands, never a pile of them, and never lets an older
// answer land after a newer one.
type Loads struct{ running, again bool }

// Start reports whether to start a load now. While one runs it is false, and the load
// is remembered for when that one lands (see Landed).
func (l *Loads) Start() bool {
	if l.running {
		l.again = true
		return false
	}
	l.running = true
	return true
}

// Landed is called when a load's answer arrives (data or error). It reports whether to
// start another now, because something changed while that one ran.
func (l *Loads) Landed() bool {
	l.running = l.again
	l.again = false
	return l.running
}

// Ask is load's command when no load runs, else nil: the load then follows the one
// running, when it lands.
func (l *Loads) Ask(load func() tea.Cmd) tea.Cmd {
	if l.Start() {
		return load()
	}
	return nil
}

// Land is Landed for a screen's Update: cmd (what the answer itself led to), batched
// with load's command when a change came while the answer was read.
func (l *Loads) Land(cmd tea.Cmd, load func() tea.Cmd) tea.Cmd {
	if l.Landed() {
		return tea.Batch(cmd, load())
	}
	return cmd
}

// Keep puts the cursor back after the shown rows were read again: on the row that is
// (the record it was on, found by its key), or, when that record no longer shows, on
// the row now at the cursor's place, the nearest to where it was. The scroll stays
// where it was as far as keeping the cursor on screen allows, so a reload that changes
// nothing on screen moves nothing.
func (w *Window) Keep(shown []int, h int, is func(row int) bool) {
	for i, ri := range shown {
		if is(ri) {
			w.Cursor = i
			break
		}
	}
	w.Clamp(len(shown), h)
}
