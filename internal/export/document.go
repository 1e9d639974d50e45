// Package export writes a person's whole record for a subject access request
// (docs/RULES.md, "Subject access: the export") as PDF, HTML or Markdown: one Document,
// built once from the record the store read, so the three formats say the same.
package export

import (
	"fmt"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Kind is what a block of the document is.
type Kind int

// The kinds of block, from a section's heading to a paragraph of a note.
const (
	Section    Kind = iota // a part of the record: "Referrals", "Case 4"
	Heading                // one record within it: a note, a referral
	Field                  // a label and its value on one line
	Text                   // a paragraph of words someone wrote
	Flag                   // the reviewer's mark: a record names other people
	Subheading             // a part of one record: a formulation's section
)

// Name is the kind in words, for the HTML page's template.
func (k Kind) Name() string {
	return [...]string{"section", "heading", "field", "text", "flag", "subheading"}[k]
}

// Block is one piece of the document, in order.
type Block struct {
	Kind  Kind
	Label string // a Field's label
	Text  string
	// Name is set when Text is a person's name, which may be written right to left.
	Name bool
}

// Cover is the first page: whose record, when and by whom it was made, and what the
// reviewer must check before it is released.
type Cover struct {
	Person      string
	PersonID    int64
	GeneratedAt time.Time
	By          string
	Counts      domain.RecordCounts
	// Flagged is how many notes name other people in "who was present".
	Flagged int
}

// Document is the whole export: its cover and its blocks.
type Document struct {
	Cover  Cover
	Blocks []Block
}

// FlagMark marks a record that names other people, for the reviewer.
const FlagMark = "⚑"

// Warning is what the cover tells the reviewer before the record is released.
func (c Cover) Warning() []string {
	return []string{
		"Before release, a reviewer must read the whole record: it may hold information about other people " +
			"(third parties) that the law does not let the service release without their consent, or that " +
			"must be weighed first (UK GDPR article 15(4); Data Protection Act 2018, schedule 2, part 3).",
		fmt.Sprintf("%d of the %d notes name other people in \"who was present\" (marked %s for the reviewer). "+
			"The app marks only that field: other people are also named in the notes' words, the consultations "+
			"and the forum meetings. Nothing has been removed.", c.Flagged, c.Counts.Notes, FlagMark),
		"Drafts are never exported: only what was signed is here.",
	}
}

// Build makes the document of rec, generated at by by.
func Build(rec domain.PersonRecord, at time.Time, by string) Document {
	b := &builder{rec: rec, london: clock.London()}
	b.person()
	for _, r := range rec.Referrals {
		b.referral(r)
	}
	for _, c := range rec.Cases {
		b.kase(c)
	}
	return Document{Cover: Cover{Person: rec.Person.Name(), PersonID: rec.Person.ID, GeneratedAt: at, By: by,
		Counts: rec.Counts(), Flagged: b.flagged}, Blocks: b.blocks}
}

type builder struct {
	rec     domain.PersonRecord
	london  *time.Location
	blocks  []Block
	flagged int
}

func (b *builder) add(k Kind, text string) { b.blocks = append(b.blocks, Block{Kind: k, Text: text}) }

// field adds a labelled line, left out when there is nothing to say.
func (b *builder) field(label, value string) {
	if value != "" {
		b.blocks = append(b.blocks, Block{Kind: Field, Label: label, Text: value})
	}
}

func (b *builder) name(label, value string) {
	if value != "" {
		b.blocks = append(b.blocks, Block{Kind: Field, Label: label, Text: value, Name: true})
	}
}

// text adds what someone wrote, left out when empty.
func (b *builder) text(s string) {
	if s != "" {
		b.add(Text, s)
	}
}

// when is an instant in London time, "" when not recorded.
func (b *builder) when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(b.london).Format("Monday 2 January 2006 at 15:04")
}

func day(d ident.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Long()
}

func (b *builder) person() {
	p := b.rec.Person
	b.add(Section, "About you")
	b.name("Name", p.Name())
	b.name("Given name", p.GivenName)
	b.name("Family name", p.FamilyName)
	b.field("Date of birth", day(p.DateOfBirth))
	b.field("NHS number", p.NHSNumber.String())
	b.field("Prison number", string(p.PrisonNumber))
	b.field("PNC ID", string(p.PNCID))
	b.field("Probation case reference (CRN)", string(p.CRN))
}
