package accessrequests

import (
	"fmt"
	"strings"

	"caseload/tui/common"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// Speech is the list in the accessible mode (common.Speaker): which requests and how
// many, how many overdue; then the request under the cursor in words: whose, when
// received, when due (extended and why), where it stands and who asked; or why none
// shows. Then the keys open on it.
func (m *Model) Speech() []string {
	if !m.loaded {
		return nil
	}
	what, toggle := "open", "a shows every request"
	if m.all {
		what, toggle = "in all, answered ones too", "a shows the open ones"
	}
	out := []string{fmt.Sprintf("Subject access requests: %d %s, %d overdue; each is due a month after receipt; %s.",
		len(m.reqs), what, m.overdue(), toggle)}
	r := m.selected()
	if r == nil {
		return append(out, spoken.Sentence(m.emptyNote()), m.keysSpeech())
	}
	due := "due " + r.DueOn.Medium()
	if !r.ExtendedTo.IsZero() {
		due = "extended to " + r.ExtendedTo.Medium() + " (" + strings.TrimSuffix(r.ExtensionReason, ".") + ")"
	}
	line := fmt.Sprintf("%d of %d: %s, received %s, %s, %s, asked by %s", m.win.Cursor+1, len(m.shown), r.Person,
		r.ReceivedOn.Medium(), due, strings.TrimPrefix(stands(*r, m), "⚠ "), r.RequestedBy)
	return append(out, spoken.Sentence(line), m.keysSpeech())
}

// keysSpeech names the keys open now, the moving keys left out.
func (m *Model) keysSpeech() string {
	var ks [][2]string
	for _, b := range m.FullHelp()[1] {
		if h := b.Help(); b.Enabled() {
			desc := h.Desc
			if desc == "open/all" {
				desc = "every request or the open ones"
			}
			ks = append(ks, [2]string{h.Key, desc})
		}
	}
	return spoken.Keys(ks)
}

// overdue is how many open requests are past their day.
func (m *Model) overdue() int {
	n := 0
	for _, r := range m.reqs {
		if r.Open() && m.today.After(r.Due()) {
			n++
		}
	}
	return n
}
