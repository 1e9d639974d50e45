package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"caseload/internal/clock"
)

// SectionID names one section of a case formulation.
type SectionID string

// Section is one section of the formulation, with its heading and what belongs in it.
type Section struct {
	ID    SectionID
	Title string
	Hint  string
	Group string // "5 Ps", "Risk formulation", or "" for the rest
}

// FormulationSections are the sections in the order the formulation reads (docs/RULES.md, "Formulation"):
// the five Ps, the risk formulation's scenario, the person's strengths and goals in their
// own words, and the plan.
var FormulationSections = []Section{
	{"presenting", "Presenting", "the problems as they show now", "5 Ps"},
	{"predisposing", "Predisposing", "vulnerabilities and history", "5 Ps"},
	{"precipitating", "Precipitating", "triggers", "5 Ps"},
	{"perpetuating", "Perpetuating", "what keeps the problems going", "5 Ps"},
	{"protective", "Protective", "strengths and supports", "5 Ps"},
	{"risk_nature", "Nature of the harm", "the plausible scenarios of serious harm", "Risk formulation"},
	{"risk_victims", "Who could be harmed", "", "Risk formulation"},
	{"risk_severity", "Severity", "", "Risk formulation"},
	{"risk_imminence", "Imminence", "", "Risk formulation"},
	{"risk_likelihood", "Likelihood", "", "Risk formulation"},
	{"risk_warning_signs", "Triggers and early warning signs", "", "Risk formulation"},
	{"risk_reduction", "What would reduce the risk", "", "Risk formulation"},
	{"strengths_goals", "Strengths and goals", "in the person's own words", ""},
	{"plan", "Plan", "the interventions the formulation leads to", ""},
}

// SectionByID finds a section.
func SectionByID(id SectionID) (Section, bool) {
	for _, s := range FormulationSections {
		if s.ID == id {
			return s, true
		}
	}
	return Section{}, false
}

// Formulation is one version of a case's formulation. A draft is edited freely by its
// author; signing freezes it. A change to a signed version is a new draft that names the
// version it supersedes.
type Formulation struct {
	ID           int64
	CaseID       int64
	Version      int   // 1, 2, ... within the case
	SupersedesID int64 // the signed version this one replaces, or 0
	AuthorID     int64
	Sections     map[SectionID]string
	// Revision counts the saves of a draft, as Note.Revision does: 1 when started.
	Revision  int
	CreatedAt time.Time
	UpdatedAt time.Time
	SignedAt  time.Time
	Hash      string
}

// Signed reports whether the version has been signed.
func (f Formulation) Signed() bool { return !f.SignedAt.IsZero() }

// Text is one section's text ("" when empty).
func (f Formulation) Text(id SectionID) string { return f.Sections[id] }

// Empty lists the sections with nothing written, in formulation order.
func (f Formulation) Empty() []SectionID {
	var out []SectionID
	for _, s := range FormulationSections {
		if strings.TrimSpace(f.Sections[s.ID]) == "" {
			out = append(out, s.ID)
		}
	}
	return out
}

// CheckForSigning returns why a formulation draft cannot be signed by signer, or nil.
// Empty sections do not stop signing: a formulation grows, and the screen shows them.
func (f Formulation) CheckForSigning(signer int64) error {
	switch {
	case f.Signed():
		return fmt.Errorf("%w: version %d was signed on %s", ErrSigned, f.Version, f.SignedAt.In(clock.London()).Format("2 Jan 2006 at 15:04"))
	case f.AuthorID != signer:
		return errors.New("only the author of a draft can sign it")
	case len(f.Empty()) == len(FormulationSections):
		return errors.New("the formulation is empty: write at least one section before signing")
	}
	return nil
}

// NextDraft starts the version that will supersede signed version f, by author, as a
// copy of its sections to edit.
func (f Formulation) NextDraft(author int64, at time.Time) Formulation {
	sections := make(map[SectionID]string, len(f.Sections))
	for k, v := range f.Sections {
		sections[k] = v
	}
	return Formulation{CaseID: f.CaseID, Version: f.Version + 1, SupersedesID: f.ID, AuthorID: author,
		Sections: sections, CreatedAt: at, UpdatedAt: at}
}
