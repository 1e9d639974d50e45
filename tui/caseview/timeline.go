package caseview

import (
	"fmt"
	"slices"
	"time"

	"caseload/tui/common"
)

// event is one thing that happened in the case.
type event struct {
	at   time.Time
	what string
}

// timelineLines is every event of the case, newest first: the referral, its screening
// and consultations, the case opening, signed notes and signed formulation versions.
func (m *Model) timelineLines() []string {
	r := m.rec
	ref := r.summary.Referral
	events := []event{
		{ref.ReceivedAt, fmt.Sprintf("Referral received from %s", ref.Source.Label())},
		{r.summary.Case.OpenedAt, fmt.Sprintf("Case opened, held by %s", orUnknown(r.summary.Clinician.Name))},
	}
	if r.screened {
		events = append(events, event{r.screening.DecidedAt, fmt.Sprintf("Screened %s by %s", r.screening.Outcome, r.screening.DecidedBy)})
	}
	for _, c := range r.consultations {
		events = append(events, event{c.RecordedAt, fmt.Sprintf("Consultation of %s: %s", c.MeetingDate, c.Outcome)})
	}
	for _, n := range r.notes {
		if n.Signed() {
			events = append(events, event{n.SignedAt, fmt.Sprintf("Note signed by %s: %s contact on %s",
				r.name(n.AuthorID), n.Type.Label(), common.MediumTime(n.ContactAt, m.com.London))})
		}
		for _, a := range n.Addenda {
			events = append(events, event{a.SignedAt, fmt.Sprintf("Addendum (%s) by %s", a.Kind, r.name(a.AuthorID))})
		}
	}
	for _, f := range r.formulations {
		if f.Signed() {
			events = append(events, event{f.SignedAt, fmt.Sprintf("Formulation version %d signed by %s", f.Version, r.name(f.AuthorID))})
		}
	}
	for _, c := range r.release.History {
		events = append(events, event{c.At, fmt.Sprintf("Release date changed to %s by %s: %s", describe(c.To), r.actor(c.By), common.OneLine(c.Reason))})
	}
	for _, mt := range r.forums.Meetings {
		events = append(events, event{mt.RecordedAt, fmt.Sprintf("%s of %s recorded by %s", mt.Kind.Label(), mt.Date.Medium(), r.actor(mt.RecordedBy))})
	}
	slices.SortStableFunc(events, func(a, b event) int { return b.at.Compare(a.at) })
	var lines []string
	for _, e := range events {
		lines = append(lines, common.Clip(common.MediumTime(e.at, m.com.London)+"  "+e.what, m.width))
	}
	return lines
}
