package caseview

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
)

// summaryLines is who the person is and where their record stands.
func (m *Model) summaryLines() []string {
	t := m.com.Theme
	s := m.rec.summary
	r := s.Referral
	p := r.Person
	nhs := "not known"
	if p.NHSNumber != "" {
		nhs = p.NHSNumber.String()
		if p.NHSNumber.IsTestRange() {
			nhs += " " + t.Badge.Render("TEST")
		}
	}
	formulation := "none yet: press 2, then e to start one"
	if s.FormulationVersion > 0 {
		formulation = fmt.Sprintf("version %d", s.FormulationVersion)
		if !s.FormulationSignedAt.IsZero() {
			formulation += ", latest signed " + common.MediumTime(s.FormulationSignedAt, m.com.London)
		}
		if d, ok := m.rec.draft(); ok {
			formulation += fmt.Sprintf("; draft version %d open", d.Version)
		}
	}
	lastContact := "none recorded"
	if !s.LastContact.IsZero() {
		lastContact = common.MediumTime(s.LastContact, m.com.London)
	}
	release := m.pathway.Anchor.Describe(ident.Date.Long)
	if a := m.rec.release.Actual; !a.IsZero() {
		release = "released " + a.Long()
	}
	group := "not determined"
	if name := domain.PriorityGroupName(r.PriorityGroup); name != "" {
		group = fmt.Sprintf("%d: %s", r.PriorityGroup, name)
	}
	pairs := [][2]string{
		{"Person", p.Name()},
		{"Born", orUnknown(p.DateOfBirth.String())},
		{"NHS number", nhs},
		{"Prison no.", orUnknown(string(p.PrisonNumber))},
		{"PNC ID", orUnknown(string(p.PNCID))},
		{"CRN", orUnknown(string(p.CRN))},
		{"Held by", orUnknown(s.Clinician.Name) + rolePart(s.Clinician)},
		{"Case opened", common.MediumTime(s.Case.OpenedAt, m.com.London)},
		{"Referred by", r.Source.Label()},
		{"Priority group", group},
		{"RoSH", r.RoSH.Label()},
		{"Release", release},
		{"Pathway", m.pathway.Countdown + " (5 shows the pathway)"},
		{"Forums", m.forumSummary()},
		{"Formulation", formulation},
		{"Last contact", lastContact},
		{"Unsigned drafts", fmt.Sprint(s.Drafts)},
	}
	if r.DuplicateOpen() {
		pairs = append(pairs, [2]string{"Duplicate?", fmt.Sprintf(
			"possibly the same person as someone already held (person %d): d shows both and asks", r.PossibleDuplicateOf)})
	}
	return labelled(m.com, pairs, m.width)
}

func rolePart(c domain.Clinician) string {
	if c.Role == "" {
		return ""
	}
	return ", " + c.Role
}

func orUnknown(s string) string {
	if s == "" {
		return "not known"
	}
	return s
}

// labelled lays out label and value pairs, values wrapping under themselves.
func labelled(com common.Common, pairs [][2]string, w int) []string {
	const lw = 17
	var out []string
	for _, p := range pairs {
		for i, v := range common.Wrap(common.OneLine(p[1]), max(w-lw, 1)) {
			l := ""
			if i == 0 {
				l = p[0]
			}
			out = append(out, com.Theme.Label.Render(common.Fit(l, lw))+v)
		}
	}
	return out
}

// forumSummary is the case's active forums and its next meeting, in one line.
func (m *Model) forumSummary() string {
	var parts []string
	for _, v := range m.rec.forums.Involvements {
		if v.Active {
			parts = append(parts, v.Describe())
		}
	}
	s := "none recorded"
	if len(parts) > 0 {
		s = strings.Join(parts, "; ")
	}
	if next, ok := m.rec.forums.Next(m.today()); ok {
		s += "; next: " + next.Kind.Label() + " on " + next.Date.Medium()
	}
	return s + " (6 shows them)"
}
