package caseview

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
)

// event is one thing that happened in the case.
type event struct {
	at   time.Time
	what string
	day  bool // a day without a time (a release, a recall)
	// detail is what was written with the event (a handover note, why a case was
	// reopened), shown in full under it.
	detail string
}

// timelineLines is every event of the case, newest first: the referral, its screening
// and consultations, the case opening, signed notes and signed formulation versions;
// those the filter keeps when there is one, with how many it kept of how many.
func (m *Model) timelineLines() (lines []string, matched, total int) {
	r := m.rec
	ref := r.summary.Referral
	events := []event{
		{ref.ReceivedAt, fmt.Sprintf("Referral received from %s", ref.Source.Label()), false, ""},
		{r.summary.Case.OpenedAt, fmt.Sprintf("Case opened, held by %s", m.firstHolder()), false, ""},
	}
	if r.screened {
		events = append(events, event{r.screening.DecidedAt, fmt.Sprintf("Screened %s by %s", r.screening.Outcome, r.actor(r.screening.DecidedBy)), false, ""})
	}
	for _, c := range r.consultations {
		events = append(events, event{c.RecordedAt, fmt.Sprintf("Consultation of %s: %s", c.MeetingDate, c.Outcome), false, ""})
	}
	for _, n := range r.notes {
		if n.Signed() {
			events = append(events, event{n.SignedAt, fmt.Sprintf("Note signed by %s: %s on %s",
				r.name(n.AuthorID), domain.ContactWords(n.Type.Label()), common.MediumTime(n.ContactAt, m.com.London)), false, ""})
		}
		for _, a := range n.Addenda {
			events = append(events, event{a.SignedAt, fmt.Sprintf("Addendum (%s) by %s", a.Kind, r.name(a.AuthorID)), false, ""})
		}
	}
	for _, f := range r.formulations {
		if f.Signed() {
			events = append(events, event{f.SignedAt, fmt.Sprintf("Formulation version %d signed by %s", f.Version, r.name(f.AuthorID)), false, ""})
		}
	}
	for _, c := range r.release.History {
		events = append(events, event{c.At, fmt.Sprintf("Release date changed to %s by %s: %s", c.To.Describe(ident.Date.Long), r.actor(c.By), common.OneLine(c.Reason)), false, ""})
	}
	for _, mt := range r.forums.Meetings {
		events = append(events, event{mt.RecordedAt, fmt.Sprintf("%s of %s recorded by %s", mt.Kind.Label(), mt.Date.Medium(), r.actor(mt.RecordedBy)), false, ""})
		if !mt.UpdatedAt.IsZero() {
			events = append(events, event{mt.UpdatedAt, fmt.Sprintf("%s of %s updated", mt.Kind.Label(), mt.Date.Medium()), false, ""})
		}
	}
	events = append(events, m.endingEvents()...)
	// Release, recall and re-release are days, not moments: shown as the day, at the
	// start of it, so they sort before what was written about them that day.
	for _, d := range []struct {
		on   ident.Date
		what string
	}{{r.release.Actual, "Released"}, {r.release.RecalledOn, "Recalled to custody"}, {r.release.ReReleased, "Re-released after recall"}} {
		if !d.on.IsZero() {
			events = append(events, event{at: d.on.In(m.com.London), what: d.what, day: true})
		}
	}
	slices.SortStableFunc(events, func(a, b event) int { return b.at.Compare(a.at) })
	for _, e := range events {
		when := common.MediumTime(e.at, m.com.London)
		if e.day {
			when = common.Fit(e.at.In(m.com.London).Format("02 Jan 2006"), len(when))
		}
		if !m.timelineMatches(when, e.what, e.detail) {
			continue
		}
		matched++
		lines = append(lines, common.Clip(when+"  "+e.what, m.width))
		indent := strings.Repeat(" ", len(when)+2)
		for _, para := range strings.Split(strings.TrimSpace(e.detail), "\n") {
			for _, l := range common.Wrap(para, max(m.width-len(indent), 1)) {
				if strings.TrimSpace(l) != "" {
					lines = append(lines, indent+l)
				}
			}
		}
	}
	return lines, matched, len(events)
}
