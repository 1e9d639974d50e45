package referral

import (
	"fmt"
	"strings"
	"time"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// facts are the referral's recorded facts as label and value pairs, in the order the
// team reads them; unknowns are said as such rather than left blank.
func facts(com common.Common, r domain.Referral, now time.Time) [][2]string {
	p := r.Person
	c := r.Clock(now)
	nhs := orUnknown(p.NHSNumber.String())
	if p.NHSNumber.IsTestRange() {
		nhs += " " + com.Theme.Badge.Render("TEST")
	}
	release := orUnknown(r.ExpectedRelease.String())
	if r.ReleaseDateType != "" {
		release += " (" + string(r.ReleaseDateType) + ")"
	}
	area := orUnknown(r.ResettlementArea)
	if r.ApprovedPremises == domain.Yes {
		area += ", after AP"
	}
	screen := [2]string{"Screen by", common.MediumTime(c.DueAt, com.London)}
	if r.DeadlineRule.Code() == domain.Deadline2WorkingDays {
		// The default, 48 hours, goes without saying; the other rule is named, so a
		// date two days later than a colleague expects explains itself.
		screen[1] += " (" + r.DeadlineRule.Label() + ")"
	}
	if c.State == domain.ClockStopped {
		screen = [2]string{"Screened", common.MediumTime(r.ScreenedAt, com.London)}
	}
	// Who it is, then the facts the checklist judges, in its order, so each sits beside
	// the sentence about it and all of them are in sight at 100x30 before anything
	// scrolls (docs/RULES.md, "Screening quickly"); the identifiers follow.
	return [][2]string{
		{"Name", p.Name()},
		{"Source", r.Source.Label()},
		{"RoSH", r.RoSH.Label()},
		{"Priority", priority(r.PriorityGroup)},
		{"Health needs", answer(r.ComplexHealthNeeds)},
		{"Area", area},
		{"Release", release},
		{"Received", common.MediumTime(r.ReceivedAt, com.London)},
		screen,
		{"Born", orUnknown(p.DateOfBirth.String())},
		{"NHS number", nhs},
		{"Prison", orUnknown(r.CurrentPrison)},
		{"Prison no.", orUnknown(string(p.PrisonNumber))},
		{"PNC ID", orUnknown(string(p.PNCID))},
		{"CRN", orUnknown(string(p.CRN))},
		{"Referrer", orUnknown(strings.Join(nonEmpty(r.Referrer.Name, r.Referrer.Org), ", "))},
		{"Email", orUnknown(r.Referrer.Email)},
		{"Entered", common.MediumTime(r.EnteredAt, com.London)},
	}
}

// pairs renders label and value pairs into lines of width w; a value wraps under
// itself, and on narrow screens goes below its label.
func pairs(com common.Common, ps [][2]string, w int) []string {
	lw := 13
	if w < 30 {
		lw = 0
	}
	var out []string
	for _, p := range ps {
		wrapped := common.Wrap(common.OneLine(p[1]), max(w-lw, 1))
		if lw == 0 {
			out = append(out, com.Theme.Label.Render(common.Clip(p[0], w)))
			out = append(out, wrapped...)
			continue
		}
		for i, v := range wrapped {
			l := ""
			if i == 0 {
				l = p[0]
			}
			out = append(out, com.Theme.Label.Render(common.Fit(l, lw))+v)
		}
	}
	return out
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
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
	if domain.PriorityGroupName(g) != "" {
		return fmt.Sprint(g) // the checklist beside it names the group
	}
	return "not yet determined"
}
