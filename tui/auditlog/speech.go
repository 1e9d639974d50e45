package auditlog

import (
	"fmt"
	"strings"

	"caseload/tui/common"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// askWords are the filters being typed as they are said: the prompt's pattern
// (YYYY-MM-DD) read out would be letters.
var askWords = map[string]string{
	"person":    "Filter by person: type a name or NHS number",
	"clinician": "Filter by clinician: type a name",
	"day":       "Filter by day: type a date, year-month-day or day/month/year",
}

// Speech is the audit log in the accessible mode (common.Speaker): which entries show
// (the filters) and how many are read; a filter being typed, said once as it opens
// (typing is echoed by the screen reader); the words narrowing what is read, as the
// lists say them; then the entry under the cursor in words: when, London time, who,
// what and to which record; or why none shows. Then the keys.
func (m *Model) Speech() []string {
	if !m.loaded {
		return nil
	}
	out := []string{spoken.Sentence("Audit log: " + m.summary())}
	if m.asking != "" {
		now := "empty"
		if v := m.askedWith(); v != "" {
			now = "it says: " + v
		}
		return append(out, spoken.Sentence(askWords[m.asking]+"; "+now)+" Enter applies it, escape cancels.")
	}
	m.asked = ""
	if q := m.find.Value(); q != "" {
		out = append(out, fmt.Sprintf("Filtered by %q: %d of %d read match.", q, len(m.shown), len(m.lines)))
	} else if m.find.Active() {
		out = append(out, "Filter: type to narrow by who, what or whose record, in the entries read; enter keeps it, escape clears it.")
	}
	ri, ok := m.win.Selected(m.shown)
	if !ok {
		return append(out, spoken.Sentence(m.emptyNote()), m.keysSpeech())
	}
	l := m.lines[ri]
	line := fmt.Sprintf("%d of %d: %s, %s, %s", m.win.Cursor+1, len(m.shown),
		l.At.In(m.com.London).Format("Monday 2 January 2006 15:04"), l.By, common.OneLine(what(l)))
	if rec := which(l); rec != "" {
		line += ", " + rec
	}
	return append(out, spoken.Sentence(line), m.keysSpeech())
}

// askedWith is the filter being typed as it stood when it opened: what is typed after
// is not read back a letter at a time.
func (m *Model) askedWith() string {
	which, v, _ := strings.Cut(m.asked, "\x00")
	if which != m.asking {
		m.asked, v = m.asking+"\x00"+m.input.Value(), m.input.Value()
	}
	return v
}

// keysSpeech names the keys the footer lists, the moving keys left out.
func (m *Model) keysSpeech() string {
	var ks [][2]string
	for _, b := range m.ShortHelp() {
		if h := b.Help(); b.Enabled() && h.Desc != "up" && h.Desc != "down" {
			ks = append(ks, [2]string{h.Key, h.Desc})
		}
	}
	return spoken.Keys(ks)
}
