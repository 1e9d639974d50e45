package domain

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"caseload/internal/ident"
)

// The rule and the order of each section of the agenda (BuildAgenda), one function a
// section.

// screeningItems are the running clocks in queue order: overdue first, then by time
// left. A referral closed before screening has no clock running and is left out.
func screeningItems(rs []Referral, now time.Time) []AgendaItem {
	type clocked struct {
		r Referral
		c ScreeningClock
	}
	var cs []clocked
	for _, r := range rs {
		if c := r.Clock(now); c.State != ClockStopped {
			cs = append(cs, clocked{r, c})
		}
	}
	slices.SortFunc(cs, func(a, b clocked) int { return QueueOrder(a.r, a.c, b.r, b.c) })
	out := make([]AgendaItem, len(cs))
	for i, c := range cs {
		text := nameOf(c.r.Person)
		if g := c.r.PriorityGroup; g >= 1 && g <= 3 {
			text += fmt.Sprintf(", priority %d", g)
		}
		out[i] = AgendaItem{Section: AgendaScreening, Text: text, When: c.c.Text(),
			Urgent: c.c.State == ClockOverdue, Open: AgendaTarget{Kind: OpenReferral, ID: c.r.ID}}
	}
	return out
}

// consultationItems are the referrals screened in with no decision yet, the longest
// waiting first: those never taken to a consultation and those a consultation deferred.
func consultationItems(rs []Referral, today ident.Date) []AgendaItem {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b Referral) int {
		return cmp.Or(a.ScreenedAt.Compare(b.ScreenedAt), a.ReceivedAt.Compare(b.ReceivedAt), cmp.Compare(a.ID, b.ID))
	})
	var out []AgendaItem
	for _, r := range rs {
		if r.Status != StatusScreenedIn && r.Status != StatusConsultation {
			continue
		}
		when := "screened in"
		if !r.ScreenedAt.IsZero() {
			when = "screened " + daysAgo(ident.DateOf(r.ScreenedAt.In(london())).DaysUntil(today))
		}
		if r.Status == StatusConsultation {
			when += ", deferred"
		}
		out = append(out, AgendaItem{Section: AgendaConsultations, Text: nameOf(r.Person), When: when,
			Open: AgendaTarget{Kind: OpenReferral, ID: r.ID}})
	}
	return out
}

// caseOn is an open case's pathway today, with the date its line is ordered by.
type caseOn struct {
	c   CaseOnPathway
	p   Pathway
	due ident.Date
}

// releaseItems are the pre-release cases released within ReleaseSoonDays, today's
// releases included (PathwayOf already counts the day of release as post-release).
func releaseItems(cases []CaseOnPathway, me int64, today ident.Date) []AgendaItem {
	var on []caseOn
	for _, c := range cases {
		p := PathwayOf(c.Release, today)
		soon := p.Phase == PhasePreRelease && p.DaysToRelease <= ReleaseSoonDays
		// Due today and not yet recorded as done; a release recorded today is done.
		if soon || p.Phase == PhasePostRelease && p.ReleaseDate == today && c.Release.Actual.IsZero() {
			on = append(on, caseOn{c, p, p.ReleaseDate})
		}
		// A recalled person with a post-recall release date coming up is released too.
		if m := NextMilestone(c.Release, p); p.Phase == PhaseRecalled && !m.Date.IsZero() &&
			!m.Date.Before(today) && today.DaysUntil(m.Date) <= ReleaseSoonDays {
			on = append(on, caseOn{c, p, m.Date})
		}
	}
	return caseItems(on, AgendaReleases, me, "pathway", func(o caseOn) (string, bool) { return o.p.Countdown, false })
}

// unconfirmedItems are the cases whose release date has passed with no release
// recorded (docs/RULES.md, "Release not confirmed"), the longest passed first; each is
// overdue: the clinician records the release or corrects the date.
func unconfirmedItems(cases []CaseOnPathway, me int64, today ident.Date) []AgendaItem {
	var on []caseOn
	for _, c := range cases {
		p := PathwayOf(c.Release, today)
		if p.Phase == PhaseReleaseUnconfirmed {
			on = append(on, caseOn{c, p, NextMilestone(c.Release, p).Date})
		}
	}
	return caseItems(on, AgendaUnconfirmed, me, "pathway", func(o caseOn) (string, bool) { return o.p.Countdown, true })
}

// dischargeItems are the cases whose discharge is due today, overdue, or due within
// DischargePlanDays, the most overdue first (docs/RULES.md, "Discharge reminders"):
// before it is due the clinician plans the ending; once due, they close the case.
func dischargeItems(cases []CaseOnPathway, me int64, today ident.Date) []AgendaItem {
	horizon := today.AddDays(DischargePlanDays)
	var on []caseOn
	for _, c := range cases {
		p := PathwayOf(c.Release, today)
		soon := p.Phase == PhasePostRelease && !p.DischargeDue.After(horizon)
		if soon || p.Phase == PhaseDischargeDue || p.Phase == PhaseDischargeOverdue {
			on = append(on, caseOn{c, p, p.DischargeDue})
		}
	}
	return caseItems(on, AgendaDischarges, me, "pathway", func(o caseOn) (string, bool) {
		if o.p.Phase == PhasePostRelease {
			return "discharge due " + inDays(today.DaysUntil(o.due), o.due) + ": plan the ending", false
		}
		return o.p.Countdown + ": close the case", o.p.Phase == PhaseDischargeOverdue
	})
}

// caseItems orders cases by their date, then by name, and words each one's line.
func caseItems(on []caseOn, s AgendaSection, me int64, tab string, when func(caseOn) (string, bool)) []AgendaItem {
	slices.SortFunc(on, func(a, b caseOn) int {
		return cmp.Or(a.due.Compare(b.due), byName(a.c.Person, b.c.Person), cmp.Compare(a.c.CaseID, b.c.CaseID))
	})
	out := make([]AgendaItem, len(on))
	for i, o := range on {
		w, urgent := when(o)
		out[i] = AgendaItem{Section: s, Text: nameOf(o.c.Person), When: w, Urgent: urgent,
			Mine: me != 0 && o.c.ClinicianID == me,
			Open: AgendaTarget{Kind: OpenCase, ID: o.c.CaseID, CaseID: o.c.CaseID, Tab: tab}}
	}
	return out
}

// forumItems are the reports due within ForumWeekDays (and overdue ones, while their
// meeting is still to come) and the meetings within ForumWeekDays, by date, a report
// before a meeting on the same day. Once a meeting is held its report is no longer due.
func forumItems(ms []ForumMeetingOn, me int64, today ident.Date) []AgendaItem {
	type dated struct {
		m      ForumMeetingOn
		due    ident.Date
		report bool
	}
	horizon := today.AddDays(ForumWeekDays)
	var ds []dated
	for _, m := range ms {
		if m.Meeting.Date.Before(today) {
			continue
		}
		if r := m.Meeting.ReportDue; m.Meeting.ReportOutstanding() && !r.After(horizon) {
			ds = append(ds, dated{m, r, true})
		}
		if !m.Meeting.Date.After(horizon) {
			ds = append(ds, dated{m, m.Meeting.Date, false})
		}
	}
	slices.SortFunc(ds, func(a, b dated) int {
		return cmp.Or(a.due.Compare(b.due), -boolOrder(a.report, b.report),
			cmp.Compare(FoldForSearch(a.m.Person), FoldForSearch(b.m.Person)), cmp.Compare(a.m.Meeting.ID, b.m.Meeting.ID))
	})
	out := make([]AgendaItem, len(ds))
	for i, d := range ds {
		mt := d.m.Meeting
		it := AgendaItem{Section: AgendaForums, Mine: me != 0 && d.m.ClinID == me,
			Open: AgendaTarget{Kind: OpenCase, ID: mt.CaseID, CaseID: mt.CaseID, Tab: "forums"}}
		person := d.m.Person
		if person == "" {
			person = "(no name recorded)"
		}
		n := today.DaysUntil(d.due)
		// The person is the line's name; what is due goes in the wider column, so a
		// narrow screen cuts the date before it cuts which meeting it is.
		it.Text = person
		switch {
		case !d.report:
			it.When = fmt.Sprintf("%s (%s) %s", mt.Kind.Label(), roleWords(mt.Role), inDays(n, d.due))
		case n < 0:
			it.Urgent = true
			it.When = mt.Kind.Label() + " report overdue by " + dayCount(-n) + ", due " + dayDate(d.due)
		default:
			it.When = mt.Kind.Label() + " report due " + inDays(n, d.due)
		}
		out[i] = it
	}
	return out
}

// roleWords is the service's part in a meeting, short enough for a line.
func roleWords(r ForumRole) string {
	switch r {
	case RoleAttends:
		return "attending"
	case RoleInforms:
		return "written contribution"
	case RoleInvitedNotAttended:
		return "invited"
	}
	return string(r)
}

// boolOrder compares false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// draftItems are the reader's own unsigned notes and formulation versions, the longest
// unsigned first. A note unsigned for more than LateEntryAfter is overdue (notes are to
// be contemporaneous); a formulation takes longer to write, and no limit is set for it.
func draftItems(f AgendaFacts, me int64, now time.Time) []AgendaItem {
	names := make(map[int64]string, len(f.Cases)+len(f.Names))
	for id, n := range f.Names {
		names[id] = n
	}
	for _, c := range f.Cases {
		names[c.CaseID] = nameOf(c.Person)
	}
	name := func(caseID int64) string {
		if n := names[caseID]; n != "" {
			return n
		}
		return fmt.Sprintf("case %d", caseID)
	}
	type draft struct {
		started time.Time
		it      AgendaItem
	}
	var ds []draft
	for _, n := range f.Drafts {
		if me == 0 || n.AuthorID != me || n.Signed() {
			continue
		}
		what := "note"
		if n.Type.Valid() {
			what = n.Type.Label() + " note"
		}
		ds = append(ds, draft{n.CreatedAt, AgendaItem{Section: AgendaDrafts, Mine: true,
			Text: name(n.CaseID) + ": " + what, When: unsignedFor(now.Sub(n.CreatedAt)), Urgent: n.StaleDraft(now),
			Open: AgendaTarget{Kind: OpenNote, ID: n.ID, CaseID: n.CaseID}}})
	}
	for _, v := range f.FormulationDrafts {
		if me == 0 || v.AuthorID != me || v.Signed() {
			continue
		}
		ds = append(ds, draft{v.CreatedAt, AgendaItem{Section: AgendaDrafts, Mine: true,
			Text: fmt.Sprintf("%s: formulation version %d", name(v.CaseID), v.Version), When: unsignedFor(now.Sub(v.CreatedAt)),
			Open: AgendaTarget{Kind: OpenFormulation, ID: v.ID, CaseID: v.CaseID}}})
	}
	slices.SortStableFunc(ds, func(a, b draft) int {
		return cmp.Or(a.started.Compare(b.started), cmp.Compare(a.it.Open.Kind, b.it.Open.Kind), cmp.Compare(a.it.Open.ID, b.it.Open.ID))
	})
	out := make([]AgendaItem, len(ds))
	for i, d := range ds {
		out[i] = d.it
	}
	return out
}

// unsignedFor is how long a draft has waited: "unsigned for 40m", "for 5h", "for 3 days".
func unsignedFor(d time.Duration) string {
	d = max(d, 0)
	switch {
	case d < time.Hour:
		return fmt.Sprintf("unsigned for %dm", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("unsigned for %dh", int(d/time.Hour))
	}
	return "unsigned for " + dayCount(int(d/(24*time.Hour)))
}
