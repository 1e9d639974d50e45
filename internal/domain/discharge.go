package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"caseload/internal/clock"
	"caseload/internal/ident"
)

// DischargePart is one part of a discharge summary (docs/RULES.md, "Closing a case").
type DischargePart struct {
	ID    SectionID
	Title string
	Hint  string
}

// DischargeParts are the parts of a discharge summary in the order it reads: the work
// done, the formulation at the end, risk at discharge, the services the person is now
// linked to, and who was told.
var DischargeParts = []DischargePart{
	{"work_done", "The work done", "what was offered, taken up and achieved"},
	{"formulation", "The formulation at the end", "how the person and the risk are understood now"},
	{"risk", "Risk at discharge", "the risk of serious harm now, and what keeps it managed"},
	{"services", "Services now linked", "GP, community mental health, substance use, housing, probation"},
	{"told", "Who was told", "GP, COM, others: who, when and how"},
}

// DischargeSummary is the closing of a case: the closure itself and the summary written
// and signed like a note. A draft is its author's and changes freely; signing it closes
// the case, and from then on it never changes.
type DischargeSummary struct {
	ID       int64
	CaseID   int64
	AuthorID int64
	Closure  CaseClosure
	// Parts hold the text of each DischargeParts entry; an empty part is left out.
	Parts map[SectionID]string
	// Revision is 1 when the draft is started and one more on every save (as Note's).
	Revision  int
	CreatedAt time.Time
	UpdatedAt time.Time
	SignedAt  time.Time // zero while a draft
	Hash      string    // DischargeHash, set when signed
	// Reopened is set when a lead has since reopened the case this summary closed.
	Reopened *Reopening
}

// Signed reports whether the summary has been signed (the case closed by it).
func (d DischargeSummary) Signed() bool { return !d.SignedAt.IsZero() }

// Part is one part's text ("" when empty).
func (d DischargeSummary) Part(id SectionID) string { return d.Parts[id] }

// Reopening is a lead bringing a closed case back, with why.
type Reopening struct {
	ID         int64
	CaseID     int64
	SummaryID  int64 // the signed summary whose closing it undoes
	LeadID     int64
	Reason     string
	ReopenedAt time.Time
}

// CheckForClosing refuses signing a summary that cannot close its case: signed already,
// by someone other than its author, a closure its rules refuse (CaseClosure.Check), or
// a part left empty (every part is said, if only "none"). opened is the day the case
// opened, today the London day of the signing.
func (d DischargeSummary) CheckForClosing(signer int64, opened, today time.Time) error {
	switch {
	case d.Signed():
		return fmt.Errorf("%w: this discharge summary was signed on %s", ErrSigned,
			d.SignedAt.In(clock.London()).Format("2 Jan 2006 at 15:04"))
	case d.AuthorID != signer:
		return errors.New("only the author of a discharge summary can sign it")
	}
	if err := d.Closure.Check(londonDay(opened), londonDay(today)); err != nil {
		return err
	}
	for _, p := range DischargeParts {
		if strings.TrimSpace(d.Parts[p.ID]) == "" {
			return fieldErr(Field(p.ID), fmt.Errorf("%s is empty: write it, if only \"none\", before closing the case", p.Title))
		}
	}
	return nil
}

// DischargeHash is the signature of a signed discharge summary: the closure and every
// part in order, empty ones included.
func DischargeHash(d DischargeSummary) string {
	c := &canon{}
	c.s("discharge").i(d.ID).i(d.CaseID).i(d.AuthorID)
	c.s(d.Closure.On.String()).s(string(d.Closure.Reason)).s(d.Closure.TransferredTo).s(d.Closure.Words).s(d.Closure.DiedOn.String())
	for _, p := range DischargeParts {
		c.s(string(p.ID)).s(d.Parts[p.ID])
	}
	c.t(d.SignedAt)
	return c.sum()
}

// Handover is a case passed to another clinician with a signed note: From is 0 when the
// case had no clinician. OverCapReason says why, when the new clinician already held
// their cap.
type Handover struct {
	ID            int64
	CaseID        int64
	From          int64
	To            int64
	By            int64
	Note          string
	OverCapReason string
	SignedAt      time.Time
	Hash          string
}

// HandoverHash is the signature of a handover.
func HandoverHash(h Handover) string {
	c := &canon{}
	c.s("handover").i(h.ID).i(h.CaseID).i(h.From).i(h.To).i(h.By).s(h.Note).s(h.OverCapReason).t(h.SignedAt)
	return c.sum()
}

// londonDay is the London calendar day of t ("" zero for the zero time).
func londonDay(t time.Time) ident.Date {
	if t.IsZero() {
		return ident.Date{}
	}
	return ident.DateOf(t.In(clock.London()))
}

// ErrCaseClosed marks a change refused because the case has been closed.
var ErrCaseClosed = errors.New("the case is closed")
