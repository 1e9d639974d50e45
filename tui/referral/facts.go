package referral

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"caseload/internal/domain"
	"caseload/tui/common"
)

const labelWidth = 22

// facts lays out every fact of a referral as lines of width w: sections of label and
// value, unknowns said as such rather than left blank.
func facts(com common.Common, r domain.Referral, now time.Time, w int) []string {
	t := com.Theme
	p := r.Person
	c := r.Clock(now)
	var lines []string
	section := func(title string) {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, t.Section.Render(common.Clip(title, w)))
	}
	field := func(label, value string) {
		lines = append(lines, pair(com, label, value, w)...)
	}

	section("Person")
	field("Name", p.Name())
	field("Date of birth", orUnknown(p.DateOfBirth.String()))
	nhs := orUnknown(p.NHSNumber.String())
	if p.NHSNumber.IsTestRange() {
		nhs += " " + t.Badge.Render("TEST")
	}
	field("NHS number", nhs)
	field("Prison number", orUnknown(string(p.PrisonNumber)))
	field("PNC ID", orUnknown(string(p.PNCID)))
	field("CRN", orUnknown(string(p.CRN)))

	section("Referral")
	field("Status", r.Status.Label())
	field("Screening clock", clockLine(com, c))
	field("Received", common.LongTime(r.ReceivedAt, com.London))
	field("Screening due", common.LongTime(c.DueAt, com.London))
	if !r.ScreenedAt.IsZero() {
		field("Screened", common.LongTime(r.ScreenedAt, com.London))
	}
	field("Entered in caseload", common.LongTime(r.EnteredAt, com.London))
	field("Source", fmt.Sprintf("%s (%s)", r.Source.Label(), r.Source))
	field("Referrer", orUnknown(r.Referrer.Name))
	field("Organisation", orUnknown(r.Referrer.Org))
	field("Email", orUnknown(r.Referrer.Email))

	section("Custody and release")
	field("Current prison", orUnknown(r.CurrentPrison))
	release := orUnknown(r.ExpectedRelease.String())
	if r.ReleaseDateType != "" {
		release += " (" + string(r.ReleaseDateType) + ")"
	}
	field("Expected release", release)

	section("Risk and needs")
	field("RoSH to others", r.RoSH.Label())
	field("Priority group", priority(r.PriorityGroup))
	field("Complex health needs", answer(r.ComplexHealthNeeds))
	field("Resettlement area", orUnknown(r.ResettlementArea))
	field("Approved Premises", answer(r.ApprovedPremises))

	section("Reason for referral")
	if r.Reason == "" {
		lines = append(lines, t.Muted.Render("not given"))
	} else {
		lines = append(lines, strings.Split(ansi.Wrap(r.Reason, max(w, 1), ""), "\n")...)
	}
	return lines
}

// pair renders one label and value; the value wraps under itself, and on narrow
// screens goes below its label.
func pair(com common.Common, label, value string, w int) []string {
	lw := labelWidth
	if w < 50 {
		lw = 0
	}
	vw := max(w-lw, 1)
	wrapped := strings.Split(ansi.Wrap(common.OneLine(value), vw, ""), "\n")
	var out []string
	if lw == 0 {
		out = append(out, com.Theme.Label.Render(common.Clip(label, w)))
		return append(out, wrapped...)
	}
	for i, v := range wrapped {
		l := ""
		if i == 0 {
			l = label
		}
		out = append(out, com.Theme.Label.Render(common.Fit(l, lw))+v)
	}
	return out
}

func clockLine(com common.Common, c domain.ScreeningClock) string {
	t := com.Theme
	switch {
	case c.State == domain.ClockOverdue:
		return t.Overdue.Render(c.Text())
	case c.State == domain.ClockStopped && !c.OnTime():
		return t.Stopped.Render(c.Text() + ", " + c.Late() + " past the 48 hours")
	case c.State == domain.ClockStopped:
		return t.Stopped.Render(c.Text() + ", within 48 hours")
	case c.Soon:
		return t.DueSoon.Render(c.Text())
	}
	return c.Text()
}

func orUnknown(s string) string {
	if s == "" {
		return "not known"
	}
	return s
}

func answer(a domain.YesNo) string {
	switch a {
	case domain.Yes:
		return "yes"
	case domain.No:
		return "no"
	}
	return "not known"
}

func priority(g int) string {
	if g == domain.NoPriorityGroup {
		return "none of the three applies"
	}
	if name := domain.PriorityGroupName(g); name != "" {
		return fmt.Sprintf("%d: %s", g, name)
	}
	return "not yet determined"
}
