package caseview

import (
	"fmt"
	"slices"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/pathbar"
)

// phaseWords names each phase for people, beside its code.
var phaseWords = map[domain.Phase]string{
	domain.PhaseReleaseUnknown:   "Release date unknown",
	domain.PhaseBeforeWindow:     "Before the engagement window",
	domain.PhasePreRelease:       "In custody: engagement before release",
	domain.PhasePostRelease:      "Released: support in the community",
	domain.PhaseDischargeDue:     "Discharge due",
	domain.PhaseDischargeOverdue: "Discharge overdue",
	domain.PhaseRecalled:         "Recalled to custody",
	// Said in words because nothing else on the tab counts: the person may still be inside.
	domain.PhaseReleaseUnconfirmed: "Release not confirmed: the date has passed and no release is recorded",
}

// today is the London date of the time the view last heard.
func (m *Model) today() ident.Date { return ident.DateOf(m.now.In(m.com.London)) }

// pathwayLines is where the person stands on the 18-month pathway: the phase, the
// countdown in words, the bar, the dates it is worked out from, and every change of the
// release date with its reason. The pathway itself is worked out in Update.
func (m *Model) pathwayLines() []string {
	t := m.com.Theme
	p, r := m.pathway, m.rec.release
	pairs := [][2]string{
		{"Phase", phaseWords[p.Phase]},
		{"Countdown", p.Countdown},
	}
	out := labelled(m.com, pairs, m.width)
	if p.Phase != domain.PhaseReleaseUnknown {
		const lw = 17
		out = append(out, common.Fit("", lw)+pathbar.Bar(p, m.today(), max(min(m.width-lw, 54), 0)))
	}
	out = append(out, "")
	release := p.Anchor.Describe(ident.Date.Long)
	if p.Earliest {
		release += ": the earliest possible, parole decision pending"
	}
	if !r.Actual.IsZero() {
		release = r.Actual.Long() + " (recorded)"
	}
	dates := [][2]string{{"Release", release}}
	dates = append(dates, sentenceDateLines(r.Dates, r.Actual.IsZero(), m.today())...)
	dates = append(dates, [][2]string{
		{"Engagement from", orUnknown(p.EngagementFrom.Long())},
		{"Released on", orNone(r.Actual.Long())},
		{"Discharge due", dischargeWords(p)},
	}...)
	if !r.RecalledOn.IsZero() {
		dates = append(dates, [2]string{"Recalled on", r.RecalledOn.Long()})
		dates = append(dates, [2]string{"Re-released on", orNone(r.ReReleased.Long())})
	}
	out = append(out, labelled(m.com, dates, m.width)...)
	if len(m.rec.events) > 0 {
		out = append(out, "", t.Header.Render(common.Clip("Releases and recalls as recorded", m.width)))
		for _, e := range slices.Backward(m.rec.events) {
			out = append(out, common.Clip(fmt.Sprintf("%s on %s, recorded by %s, %s", e.What, e.On.Medium(),
				m.rec.actor(e.By), common.MediumTime(e.At, m.com.London)), m.width))
			if e.Why != "" {
				for _, l := range common.Wrap("Why: "+common.OneLine(e.Why), max(m.width-4, 1)) {
					out = append(out, "    "+l)
				}
			}
		}
	}
	out = append(out, "", t.Header.Render(common.Clip("Sentence date changes (r records one)", m.width)))
	if len(r.History) == 0 {
		return append(out, t.Muted.Render(common.Clip("No changes recorded: the dates are as the case opened with them.", m.width)))
	}
	for _, c := range slices.Backward(r.History) {
		out = append(out, common.Clip(common.MediumTime(c.At, m.com.London)+", by "+m.rec.actor(c.By), m.width))
		for _, l := range common.Wrap(c.From.Describe(ident.Date.Long)+" → "+c.To.Describe(ident.Date.Long), max(m.width-4, 1)) {
			out = append(out, "    "+l)
		}
		for _, l := range common.Wrap("Why: "+common.OneLine(c.Reason), max(m.width-4, 1)) {
			out = append(out, "    "+l)
		}
	}
	return out
}

// dischargeWords is the discharge date, or why there is none: while a release is not
// confirmed, or a recall has paused the clock, nothing is due.
func dischargeWords(p domain.Pathway) string {
	switch {
	case !p.DischargeDue.IsZero():
		return p.DischargeDue.Long()
	case p.Phase == domain.PhaseReleaseUnconfirmed:
		return "not counted until the release is recorded"
	case p.Phase == domain.PhaseRecalled:
		return "none while recalled: the clock is paused"
	}
	return orUnknown("")
}

func orNone(s string) string {
	if s == "" {
		return "not yet"
	}
	return s
}

// sentenceDateLines are the sentence dates held, one a line, each under its kind: the
// expiry dates and an HDCED are milestones the pathway never counts to, and say so; a
// date on a day prisons do not release on says when the person is likely out, while
// they are still inside.
func sentenceDateLines(ds domain.SentenceDates, inside bool, today ident.Date) [][2]string {
	out := make([][2]string, 0, len(ds))
	for _, d := range ds {
		words := d.Date.Long()
		if d.SaysConfirmed() {
			words += " (confirmed)"
		}
		switch {
		case domain.EndsSupervision(d.Kind):
			words += ": not a release date"
		case d.Kind == domain.ReleaseHDCED:
			words += ": eligibility, not a release date until HDC is approved"
		case d.Kind == domain.ReleasePED && inside && d.Date.Before(today):
			words += ": passed, parole decision pending"
		}
		out = append(out, [2]string{"  " + sentenceDateLabel(d.Kind), words})
		// A day prisons do not release on: the day the person is likely to walk out
		// (docs/RULES.md, "The day a person walks out").
		if w, ok := domain.LikelyWalkOut(d); ok && inside {
			out = append(out, [2]string{"", w.Words()})
		}
	}
	return out
}

// sentenceDateLabel names a kind of date as a label: "CRD", "Confirmed date".
func sentenceDateLabel(k domain.ReleaseDateType) string {
	switch k {
	case "":
		return "No kind stated"
	case domain.ReleaseConfirmed:
		return "Confirmed date"
	case domain.ReleaseOther:
		return "Other date"
	}
	return string(k)
}
