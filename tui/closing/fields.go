package closing

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/component/textsafe"
)

// The closure's fields; the summary's parts follow from partField.
const (
	fieldOn = iota
	fieldReason
	fieldTransferred
	fieldWords
	fieldDied
	partField
)

// fieldOf is the form field a refusal names: a closure field, or a part by its id.
func fieldOf(f domain.Field) int {
	switch f {
	case domain.FieldClosedOn:
		return fieldOn
	case domain.FieldClosingReason:
		return fieldReason
	case domain.FieldTransferredTo:
		return fieldTransferred
	case domain.FieldClosingWords:
		return fieldWords
	case domain.FieldDiedOn:
		return fieldDied
	}
	for i, p := range domain.DischargeParts {
		if domain.Field(p.ID) == f {
			return partField + i
		}
	}
	return -1
}

// chosen is the reason chosen, "" for none yet.
func (m *Model) chosen() domain.ClosingReason {
	if m.reason < 0 {
		return ""
	}
	return domain.ClosingReasons[m.reason]
}

// order is the fields shown, in tab order: the reason decides which of its own fields
// appear (the service, the words, the date of death).
func (m *Model) order() []int {
	out := []int{fieldOn, fieldReason}
	switch m.chosen() {
	case domain.ClosedTransferred:
		out = append(out, fieldTransferred)
	case domain.ClosedOther:
		out = append(out, fieldWords)
	case domain.ClosedDied:
		out = append(out, fieldDied)
	}
	for i := range domain.DischargeParts {
		out = append(out, partField+i)
	}
	return out
}

func input(v string, limit int) textinput.Model {
	t := textinput.New()
	t.Prompt = ""
	t.CharLimit = limit
	t.SetValue(v)
	return t
}

// fill puts draft d in the fields; a day not yet given is today, London.
func (m *Model) fill(d domain.DischargeSummary) {
	on := d.Closure.On
	if on.IsZero() {
		on = ident.DateOf(m.com.Clock.Now().In(m.com.London))
	}
	m.closedOn = input(on.String(), 10)
	m.transferred = input(d.Closure.TransferredTo, 500)
	m.words = input(d.Closure.Words, 500)
	m.diedOn = input(d.Closure.DiedOn.String(), 10)
	m.reason = -1
	for i, r := range domain.ClosingReasons {
		if r == d.Closure.Reason {
			m.reason = i
		}
	}
	m.parts = map[domain.SectionID]string{}
	for k, v := range d.Parts {
		m.parts[k] = v
	}
	m.area.SetValue(m.parts[domain.DischargeParts[m.part].ID])
	m.area.MoveToEnd()
	m.SetSize(m.width, m.height)
}

// typed is the summary as typed. A day that does not read as a date is saved empty
// and said under its field, so the rest is still saved; the service, the words and the
// date of death go with their reason only (typing them stays on screen).
func (m *Model) typed() domain.DischargeSummary {
	d := domain.DischargeSummary{CaseID: m.caseID, AuthorID: m.com.Me.ID, Parts: map[domain.SectionID]string{}}
	for k, v := range m.parts {
		if strings.TrimSpace(v) != "" {
			d.Parts[k] = v
		}
	}
	d.Closure.Reason = m.chosen()
	d.Closure.On = m.date(m.closedOn, domain.FieldClosedOn)
	switch d.Closure.Reason {
	case domain.ClosedTransferred:
		d.Closure.TransferredTo = strings.TrimSpace(m.transferred.Value())
	case domain.ClosedOther:
		d.Closure.Words = strings.TrimSpace(m.words.Value())
	case domain.ClosedDied:
		d.Closure.DiedOn = m.date(m.diedOn, domain.FieldDiedOn)
	}
	return d
}

// date reads a typed date, saying under field f why it does not read.
func (m *Model) date(in textinput.Model, f domain.Field) ident.Date {
	delete(m.refusals, f)
	v := strings.TrimSpace(in.Value())
	if v == "" {
		return ident.Date{}
	}
	d, err := ident.ParseDate(v)
	if err != nil {
		m.refusals[f] = "Not saved: " + err.Error()
		return ident.Date{}
	}
	return d
}

// values is everything typed, to tell a key that changed something.
func (m *Model) values() string {
	v := []string{m.closedOn.Value(), m.transferred.Value(), m.words.Value(), m.diedOn.Value(), string(m.chosen())}
	for _, p := range domain.DischargeParts {
		v = append(v, m.parts[p.ID])
	}
	return strings.Join(v, "\x00")
}

// input is the one-line field focused, nil on the reason or a part.
func (m *Model) inputOf(f int) *textinput.Model {
	switch f {
	case fieldOn:
		return &m.closedOn
	case fieldTransferred:
		return &m.transferred
	case fieldWords:
		return &m.words
	case fieldDied:
		return &m.diedOn
	}
	return nil
}

// forward gives a key or a paste to the focused field.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	if in := m.inputOf(m.focus); in != nil {
		var cmd tea.Cmd
		*in, cmd = textsafe.Update(*in, msg)
		return cmd
	}
	if m.focus >= partField {
		var cmd tea.Cmd
		m.area, cmd = m.area.Update(msg)
		m.parts[domain.DischargeParts[m.part].ID] = m.area.Value()
		return cmd
	}
	return nil
}

// refocus focuses the field m.focus; a part shows in the text area.
func (m *Model) refocus() tea.Cmd {
	for _, in := range []*textinput.Model{&m.closedOn, &m.transferred, &m.words, &m.diedOn} {
		in.Blur()
	}
	m.area.Blur()
	if in := m.inputOf(m.focus); in != nil {
		return in.Focus()
	}
	if m.focus >= partField {
		if p := m.focus - partField; p != m.part {
			m.part = p
			m.area.SetValue(m.parts[domain.DischargeParts[p].ID])
			m.area.MoveToEnd() // most edits add to what is there
		}
		return m.area.Focus()
	}
	return nil
}

// move steps the focus through the fields shown.
func (m *Model) move(step int) tea.Cmd {
	order := m.order()
	at := 0
	for i, f := range order {
		if f == m.focus {
			at = i
		}
	}
	m.focus = order[(at+step+len(order))%len(order)]
	return m.refocus()
}

// summaryText is a summary as plain text, for side by side and for keeping.
func summaryText(d domain.DischargeSummary) string {
	var b strings.Builder
	c := d.Closure
	if c.Reason != "" || !c.On.IsZero() {
		b.WriteString("Closing: " + c.Reason.Label() + ", " + c.On.String())
		for _, s := range []string{c.TransferredTo, c.Words, c.DiedOn.String()} {
			if s != "" {
				b.WriteString(", " + s)
			}
		}
		b.WriteString("\n\n")
	}
	for _, p := range domain.DischargeParts {
		if t := strings.TrimSpace(d.Part(p.ID)); t != "" {
			b.WriteString(p.Title + ":\n" + t + "\n\n")
		}
	}
	return strings.TrimSpace(b.String())
}
