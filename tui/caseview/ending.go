package caseview

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// Ending is what the case view reads of a case's end: its signed discharge summaries
// (each with the reopening that undid it), the draft, and the handovers.
type Ending interface {
	DischargeSummaries(ctx context.Context, caseID int64) ([]domain.DischargeSummary, error)
	DischargeDraft(ctx context.Context, caseID int64) (domain.DischargeSummary, bool, error)
	Handovers(ctx context.Context, caseID int64) ([]domain.Handover, error)
}

// ending is the case's end as read.
type ending struct {
	summaries []domain.DischargeSummary // signed, oldest first
	draft     domain.DischargeSummary
	drafted   bool
	handovers []domain.Handover
}

func readEnding(ctx context.Context, src Ending, caseID int64) (ending, error) {
	var e ending
	var err error
	if e.summaries, err = src.DischargeSummaries(ctx, caseID); err != nil {
		return e, err
	}
	if e.draft, e.drafted, err = src.DischargeDraft(ctx, caseID); err != nil {
		return e, err
	}
	e.handovers, err = src.Handovers(ctx, caseID)
	return e, err
}

// closed reports whether the case is closed.
func (m *Model) closed() bool { return m.rec.summary.Case.Status == domain.CaseClosed }

// closing is the signed summary that closed the case and stands (not reopened since).
func (m *Model) closing() (domain.DischargeSummary, bool) {
	s := m.rec.ending.summaries
	if len(s) == 0 || s[len(s)-1].Reopened != nil {
		return domain.DischargeSummary{}, false
	}
	return s[len(s)-1], true
}

// endingAction takes the keys of a case's end, on every tab: c closes an open case, o
// reopens a closed one (a lead), a hands an open case over (a lead or its clinician).
// ok is false for any other key.
func (m *Model) endingAction(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k, s := m.keys, m.rec.summary
	person := s.Referral.Person.Name()
	info := func(text string) (tea.Cmd, bool) { return common.Cmd(common.InfoMsg{Text: text}), true }
	switch {
	case key.Matches(msg, k.CloseCase):
		if m.closed() {
			return info("This case is closed already; a lead can reopen it (o).")
		}
		return common.Cmd(common.CloseCaseMsg{CaseID: m.caseID, Person: person, OpenedAt: s.Case.OpenedAt}), true
	case key.Matches(msg, k.Reopen):
		c, ok := m.closing()
		switch {
		case !m.closed():
			return info("This case is open: only a closed case is reopened.")
		case !m.com.Me.Leads():
			return info("Only a lead may reopen a case: ask the team's lead.")
		case !ok:
			return info("This case was closed without a discharge summary: it cannot be reopened here.")
		}
		return common.Cmd(common.ReopenCaseMsg{CaseID: m.caseID, Person: person, Closing: c}), true
	case key.Matches(msg, k.HandOver):
		switch {
		case m.closed():
			return info("A closed case is not handed over: a lead reopens it first.")
		case !m.com.Me.Leads() && m.com.Me.ID != s.Case.AllocatedClinicianID:
			return info("Only a lead or the case's own clinician may hand it over.")
		}
		return common.Cmd(common.HandOverMsg{CaseID: m.caseID, Person: person, From: s.Clinician}), true
	}
	return nil, false
}

// banner is the line a closed case shows above every tab, "" for an open case.
func (m *Model) banner() string {
	if !m.closed() {
		return ""
	}
	t := m.com.Theme
	text := "CLOSED · the case is closed; it stays readable (7 shows the discharge summary)"
	if c, ok := m.closing(); ok {
		text = fmt.Sprintf("CLOSED on %s: %s · 7 shows the discharge summary", c.Closure.On.Medium(), c.Closure.Says())
	}
	return t.Stopped.Render(common.Clip(text, m.width))
}

// dischargeLines is the case's discharge summaries, the latest first, each part by part,
// with the reopening that undid it; and the draft, when there is one.
func (m *Model) dischargeLines() []string {
	t := m.com.Theme
	e := m.rec.ending
	var lines []string
	if e.drafted {
		d := e.draft
		lines = append(lines, t.Unknown.Render(common.Clip(fmt.Sprintf("A discharge summary is being written by %s, saved %s: c goes on with it.",
			m.rec.name(d.AuthorID), common.MediumTime(d.UpdatedAt, m.com.London)), m.width)), "")
	}
	if len(e.summaries) == 0 {
		if !e.drafted {
			lines = append(lines, t.Muted.Render("No discharge summary: the case is open. Press c to close it, writing the summary."))
		}
		return lines
	}
	for i := len(e.summaries) - 1; i >= 0; i-- {
		d := e.summaries[i]
		pairs := [][2]string{
			{"Closed on", d.Closure.On.Long()},
			{"Reason", d.Closure.Says()},
			{"Signed", fmt.Sprintf("✓ by %s, %s", m.rec.name(d.AuthorID), common.MediumTime(d.SignedAt, m.com.London))},
		}
		if r := d.Reopened; r != nil {
			pairs = append(pairs, [2]string{"Reopened", fmt.Sprintf("by %s, %s: %s", m.rec.name(r.LeadID),
				common.MediumTime(r.ReopenedAt, m.com.London), r.Reason)})
		}
		lines = append(lines, t.Section.Render("Discharge summary"))
		lines = append(lines, labelled(m.com, pairs, m.width)...)
		for _, p := range domain.DischargeParts {
			lines = append(lines, "", t.Header.Render(p.Title))
			for _, para := range strings.Split(strings.TrimSpace(d.Part(p.ID)), "\n") {
				lines = append(lines, common.Wrap(para, m.width)...)
			}
		}
		lines = append(lines, "")
	}
	return lines[:len(lines)-1]
}

// endingEvents are the closings, reopenings and handovers, for the timeline.
func (m *Model) endingEvents() []event {
	r := m.rec
	var out []event
	for _, d := range r.ending.summaries {
		out = append(out, event{d.SignedAt, fmt.Sprintf("Case closed by %s on %s: %s (discharge summary signed)",
			r.name(d.AuthorID), d.Closure.On.Medium(), d.Closure.Says()), false, ""})
		if o := d.Reopened; o != nil {
			out = append(out, event{at: o.ReopenedAt, what: fmt.Sprintf("Case reopened by %s, because:", r.name(o.LeadID)), detail: o.Reason})
		}
	}
	for _, h := range r.ending.handovers {
		from := "no one"
		if h.From != 0 {
			from = r.name(h.From)
		}
		what := fmt.Sprintf("Handed over from %s to %s by %s", from, r.name(h.To), r.name(h.By))
		if h.OverCapReason != "" {
			what += " over the cap: " + common.OneLine(h.OverCapReason)
		}
		out = append(out, event{at: h.SignedAt, what: what, detail: h.Note})
	}
	return out
}

// firstHolder is who held the case when it opened: the clinician the first handover
// took it from, or, never handed over, the one who holds it now.
func (m *Model) firstHolder() string {
	r := m.rec
	if len(r.ending.handovers) == 0 {
		return orUnknown(r.summary.Clinician.Name)
	}
	if from := r.ending.handovers[0].From; from != 0 {
		return r.name(from)
	}
	return "no one"
}
