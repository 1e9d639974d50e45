package auditlog

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
	"caseload/tui/component/list"
)

// The columns: when and who keep their width; what takes the room left; which record
// gives some back on a narrow screen.
const (
	colWhen   = "when"
	colWho    = "who"
	colWhat   = "what"
	colRecord = "record"
)

// columns lays the columns out in width: at 120 and wider the day of the week and
// more of each name; narrower, what was done keeps the room it needs to be read.
func columns(width int) []list.Column {
	when, who, record := 12, 16, 20
	switch {
	case width >= 120:
		when, who, record = 16, 22, 34
	case width > 80:
		record += (width - 80) / 2 // whose record, before more room for the words
	}
	what := width - list.Marker - when - who - record - 3*list.Gap
	if what < 12 {
		record = max(record-(12-what), 8)
		what = max(width-list.Marker-when-who-record-3*list.Gap, 1)
	}
	return []list.Column{
		{ID: colWhen, Heading: "When", Width: when},
		{ID: colWho, Heading: "Who", Width: who},
		{ID: colWhat, Heading: "What", Width: what},
		{ID: colRecord, Heading: "Record", Width: record},
	}
}

// whenLayout is how an entry's time is written in a column w wide, London time.
func whenLayout(w int) string {
	if w >= 16 {
		return "Mon 02 Jan 15:04"
	}
	return "02 Jan 15:04"
}

// View draws the summary, the headings, the entries that fit, and the filter being typed.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	t := m.com.Theme
	cols := columns(m.width)
	lines := []string{common.Fit(m.summary(), m.width), t.Header.Render(list.Headings(cols, m.width))}
	if note := m.emptyNote(); note != "" {
		lines = append(lines, t.Muted.Render(common.Fit(note, m.width)))
	}
	for ri, selected := range m.win.Visible(m.shown, m.listHeight()) {
		l := m.lines[ri]
		lines = append(lines, list.Row(cols, m.width, selected, t.Selected, func(id string) (string, *lipgloss.Style) {
			switch id {
			case colWhen:
				return l.At.In(m.com.London).Format(whenLayout(cols[0].Width)), nil
			case colWho:
				return l.By, nil
			case colWhat:
				return common.OneLine(what(l)), nil
			case colRecord:
				return which(l), &t.Muted
			}
			return "", nil
		}))
	}
	foot := 0
	if m.asking != "" || m.find.Shown() {
		foot = 1
	}
	for len(lines) < m.height-foot {
		lines = append(lines, "")
	}
	switch {
	case m.asking != "":
		lines = append(lines, common.Clip(m.input.View(), m.width))
	case m.find.Shown():
		lines = append(lines, m.find.View(t, len(m.shown), len(m.lines), m.width))
	}
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

// summary says which entries show: the filters, and whether older ones remain.
func (m *Model) summary() string {
	var by []string
	if m.labels.person != "" {
		by = append(by, "person “"+m.labels.person+"”")
	}
	if m.labels.clinician != "" {
		by = append(by, "by "+m.labels.clinician)
	}
	if m.labels.day != "" {
		by = append(by, "on "+m.labels.day)
	}
	s := "Every entry, newest first"
	// Newest is the order written: the chain's, which a time typed later cannot reorder.
	if len(by) > 0 {
		s = "Entries " + strings.Join(by, ", ") + ", newest first"
	}
	if m.loaded {
		more := ""
		if m.more {
			more = "; older ones load as you scroll"
		}
		s += fmt.Sprintf(" · %d read%s", len(m.lines), more)
	}
	return s
}

// emptyNote says why no entry shows.
func (m *Model) emptyNote() string {
	switch {
	case !m.loaded:
		return "Reading the audit log…"
	case len(m.shown) > 0:
		return ""
	case len(m.lines) > 0:
		return "No entry read so far matches the filter. Press esc to clear it."
	case m.labels != (filterLabels{}):
		return "No entries match. Press x to clear the filters."
	}
	return "The audit log is empty."
}
