package export

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"caseload/internal/domain"
)

func (b *builder) kase(c domain.CaseRecord) {
	k := c.Case
	b.add(Section, fmt.Sprintf("Case %d", k.ID))
	b.field("Opened", b.when(k.OpenedAt))
	b.field("Status now", string(k.Status))
	b.field("Clinician now", b.rec.ClinicianName(k.AllocatedClinicianID))
	b.release(c)
	b.forums(c.Forums)
	for _, n := range c.Notes {
		b.note(n)
	}
	for _, f := range c.Formulations {
		b.formulation(f)
	}
	for _, h := range c.Handovers {
		b.add(Heading, "Handed over "+b.when(h.SignedAt))
		b.field("From", b.rec.ClinicianName(h.From))
		b.field("To", b.rec.ClinicianName(h.To))
		b.field("By", b.rec.ClinicianName(h.By))
		b.field("Though they held their caseload cap, because", h.OverCapReason)
		b.text(h.Note)
	}
	for _, d := range c.Discharges {
		b.discharge(d)
	}
}

func (b *builder) release(c domain.CaseRecord) {
	r := c.Release
	if len(r.Dates) == 0 && r.Actual.IsZero() && len(r.History) == 0 && len(c.ReleaseEvents) == 0 {
		return
	}
	b.add(Heading, "Release")
	for _, d := range r.Dates {
		b.field(capital(domain.SentenceDateName(d.Kind)), d.Describe(day))
	}
	b.field("Released", day(r.Actual))
	b.field("Recalled to custody", day(r.RecalledOn))
	b.field("Re-released", day(r.ReReleased))
	for _, h := range r.History {
		b.field("Date changed "+b.when(h.At), fmt.Sprintf("%s to %s by %s: %s",
			h.From.Describe(day), h.To.Describe(day), b.rec.ActorName(h.By), h.Reason))
	}
	for _, e := range c.ReleaseEvents {
		b.field(e.What+" (as recorded)", joined(": ", day(e.On)+", recorded by "+b.rec.ActorName(e.By), e.Why))
	}
}

func (b *builder) forums(f domain.CaseForums) {
	if len(f.Involvements) > 0 {
		b.add(Heading, "Risk forums")
	}
	for _, v := range f.Involvements {
		b.field("Forum", joined(": ", v.Describe(), v.Note))
	}
	for _, m := range f.Meetings {
		b.add(Heading, m.Kind.Label()+" meeting "+day(m.Date))
		b.name("Chair", m.Chair)
		b.field("The service's role", m.Role.Label())
		b.field("Report due", day(m.ReportDue))
		b.field("Report sent", day(m.ReportSent))
		b.name("From the team", m.Team)
		b.field("Shared", m.Shared)
		b.field("Legal basis", m.LegalBasis)
		b.field("Outcome", m.Outcome)
		for _, a := range m.Actions {
			b.field("Action", joined(", due ", a.Text, day(a.Due)))
		}
	}
}

func (b *builder) note(n domain.Note) {
	head := "Note: " + b.when(n.ContactAt)
	if n.Type != "" {
		head += ", " + n.Type.Label()
	}
	if n.DurationMinutes > 0 {
		head += fmt.Sprintf(", %d minutes", n.DurationMinutes)
	}
	b.add(Heading, head)
	if others := OthersPresent(n.Present, b.rec.Person); len(others) > 0 {
		b.flagged++
		b.blocks = append(b.blocks, Block{Kind: Flag, Text: FlagMark + " For the reviewer: this note names other people: " +
			strings.Join(others, "; ")})
	}
	b.name("Present", n.Present)
	b.field("Written and signed by", b.rec.ClinicianName(n.AuthorID)+", "+b.when(n.SignedAt))
	b.text(n.Text)
	for _, a := range n.Addenda {
		b.add(Subheading, fmt.Sprintf("Addendum (%s) by %s, %s", strings.ReplaceAll(string(a.Kind), "-", " "), b.rec.ClinicianName(a.AuthorID), b.when(a.SignedAt)))
		b.text(a.Text)
	}
}

func (b *builder) formulation(f domain.Formulation) {
	b.add(Heading, fmt.Sprintf("Formulation, version %d", f.Version))
	b.field("Written and signed by", b.rec.ClinicianName(f.AuthorID)+", "+b.when(f.SignedAt))
	for _, s := range domain.FormulationSections {
		if t := f.Sections[s.ID]; t != "" {
			b.add(Subheading, s.Title)
			b.text(t)
		}
	}
}

func (b *builder) discharge(d domain.DischargeSummary) {
	c := d.Closure
	b.add(Heading, "Case closed "+day(c.On)+": discharge summary")
	b.field("Reason", c.Reason.Label())
	b.field("Transferred to", c.TransferredTo)
	b.field("Why", c.Words)
	b.field("Date of death", day(c.DiedOn))
	b.field("Written and signed by", b.rec.ClinicianName(d.AuthorID)+", "+b.when(d.SignedAt))
	for _, p := range domain.DischargeParts {
		if t := d.Parts[p.ID]; t != "" {
			b.add(Subheading, p.Title)
			b.text(t)
		}
	}
	if r := d.Reopened; r != nil {
		b.add(Heading, "Case reopened "+b.when(r.ReopenedAt))
		b.field("By", b.rec.ClinicianName(r.LeadID))
		b.field("Why", r.Reason)
	}
}

// capital is s with its first letter in capitals: "release date" as a label.
func capital(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}
