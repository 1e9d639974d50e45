package domain

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/internal/ident"
)

// ImportedCase is a case the team already held before caseload, as the cases import
// brings it in: the person, who holds it (0 when unallocated), the day it was accepted,
// its release facts, its MAPPA standing (nil when not given) and where the person will
// resettle. Its referral is not in the file: the store makes an accepted one to stand
// for it (ImportedReferralReason), because every case must come from a referral.
type ImportedCase struct {
	Person           Person
	ClinicianID      int64
	AcceptedOn       ident.Date
	Release          CaseRelease // Dates, Actual and RecalledOn; no History
	MAPPA            *ForumInvolvement
	ResettlementArea string
	// Line is the line of the import file the case starts on, kept for the audit so an
	// entry can be traced back to the file; 0 when it did not come from one.
	Line int
}

// ImportedReferralReason is the reason recorded on the referral made for an imported
// case, so that nobody reading it takes it for the original referral.
const ImportedReferralReason = "Imported with the team's existing caseload; the original referral is in the team's previous records."

// importedAcceptedHour is the London hour an imported case's acceptance is put at: the
// file gives only the day, and the start of the working day reads true on a timeline.
const importedAcceptedHour = 9

// AcceptedAt is the instant an imported case is taken to have been accepted (and its
// referral received): 09:00 London on AcceptedOn, in UTC. The zero Date gives the zero
// time. 09:00 is never in a clock change, so it always exists exactly once.
func (c ImportedCase) AcceptedAt(london *time.Location) time.Time {
	if c.AcceptedOn.IsZero() {
		return time.Time{}
	}
	d := c.AcceptedOn
	return time.Date(d.Year, d.Month, d.Day, importedAcceptedHour, 0, 0, 0, london).UTC()
}

// Check returns every problem with an imported case that its fields, each read on its
// own, cannot show: what is required, dates after today (the London date), a recall
// without a release or before it, and a MAPPA standing the service does not record. Each
// problem names the import column to correct, chosen so that a column that failed to
// parse (and so is zero here) never causes a second, confusing problem in another
// column: a recall without a release is blamed on actual_release_date, for instance. The
// importer reports these beside its own; the store calls Check again before writing.
func (c ImportedCase) Check(today ident.Date) FieldErrors {
	var errs FieldErrors
	add := func(field string, err error) { errs = append(errs, FieldError{Field: field, Err: err}) }
	if strings.TrimSpace(c.Person.GivenName) == "" {
		add("given_name", errRequired)
	}
	if strings.TrimSpace(c.Person.FamilyName) == "" {
		add("family_name", errRequired)
	}
	if d := c.Person.DateOfBirth; !d.IsZero() && d.After(today) {
		add("date_of_birth", fmt.Errorf("date of birth %s is in the future", d))
	}
	if c.AcceptedOn.IsZero() {
		add("accepted_on", errRequired)
	} else if c.AcceptedOn.After(today) {
		add("accepted_on", future(c.AcceptedOn, today, "give the day the team accepted the case"))
	}
	for _, d := range c.Release.Dates {
		if k := d.Kind; k != "" && !slices.Contains(SentenceDateKinds, k) {
			add("release_date_type", fmt.Errorf("%q is not a kind of sentence date: use one of %s", k, joinCodes(SentenceDateKinds)))
		}
	}
	if d := c.Release.Actual; !d.IsZero() && d.After(today) {
		add("actual_release_date", future(d, today, "an expected date goes in expected_release_date"))
	}
	if d := c.Release.RecalledOn; !d.IsZero() {
		switch {
		case d.After(today):
			add("recalled_on", future(d, today, "give the day the person was recalled"))
		case c.Release.Actual.IsZero():
			add("actual_release_date", errors.New("is required when recalled_on is given: a recall follows a release"))
		case d.Before(c.Release.Actual):
			add("recalled_on", fmt.Errorf("%s is before the actual release date %s: a recall date before the actual release date is an error",
				d, c.Release.Actual))
		}
	}
	if c.MAPPA != nil {
		errs = append(errs, c.MAPPA.importProblems()...)
	}
	return errs
}

// importProblems checks the MAPPA standing of an imported case, naming its columns.
func (v ForumInvolvement) importProblems() FieldErrors {
	var errs FieldErrors
	add := func(field string, err error) { errs = append(errs, FieldError{Field: field, Err: err}) }
	switch {
	case v.Forum != ForumMAPPA:
		add("mappa_category", fmt.Errorf("%s is not MAPPA: the cases import records MAPPA only", v.Forum.Label()))
		return errs
	case v.Category == "" && v.Level != 0:
		add("mappa_category", fmt.Errorf("is blank but mappa_level is %d: give the category (%s) or clear the level",
			v.Level, joinCodes(MAPPACategories)))
	case v.Category == "":
		add("mappa_category", errRequired)
	case !slices.Contains(MAPPACategories, v.Category):
		add("mappa_category", fmt.Errorf("%q is not a MAPPA category: use one of %s", v.Category, joinCodes(MAPPACategories)))
	}
	switch {
	case v.Level < 0 || v.Level > 3:
		add("mappa_level", fmt.Errorf("%d is not a MAPPA level: use 1, 2 or 3, or leave it blank for none", v.Level))
	case v.Category == MAPPANotMAPPA && v.Level != 0:
		add("mappa_level", fmt.Errorf("is %d but the category is not_mappa: a person who is not MAPPA has no MAPPA level", v.Level))
	}
	return errs
}

// future says a date that has to have happened is after today.
func future(d, today ident.Date, hint string) error {
	return fmt.Errorf("%s is in the future (today is %s): %s", d, today, hint)
}

// FindActiveClinician finds the active clinician called name among cs, as a file or a
// person names them: case and the spaces around and between words aside. A name that
// matches none, matches only someone who has left, or matches two people is an error
// that lists the active clinicians, so the file can be corrected in one go.
func FindActiveClinician(cs []Clinician, name string) (Clinician, error) {
	key := clinicianKey(name)
	var found, inactive []Clinician
	for _, c := range cs {
		if clinicianKey(c.Name) != key || key == "" {
			continue
		}
		if c.Active {
			found = append(found, c)
		} else {
			inactive = append(inactive, c)
		}
	}
	shown := strings.TrimSpace(name)
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return Clinician{}, fmt.Errorf("%q names %d active clinicians (ids %s): give one of them a name of their own in caseload clinicians first",
			shown, len(found), clinicianIDs(found))
	case len(inactive) > 0:
		return Clinician{}, fmt.Errorf("%q has left the team (deactivated): %s", shown, activeClinicians(cs))
	}
	return Clinician{}, fmt.Errorf("%q is not a clinician of the team: %s", shown, activeClinicians(cs))
}

// activeClinicians is the end of an unknown-clinician message: who may hold a case.
func activeClinicians(cs []Clinician) string {
	var names []string
	for _, c := range cs {
		if c.Active {
			names = append(names, c.Name)
		}
	}
	if len(names) == 0 {
		return "the team has no active clinicians yet; add them with caseload clinicians add, or leave the column blank for unallocated"
	}
	return "use one of " + strings.Join(names, ", ") + ", or leave it blank for unallocated"
}

func clinicianIDs(cs []Clinician) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = fmt.Sprint(c.ID)
	}
	return strings.Join(ids, ", ")
}

// clinicianKey is a name as compared: lower case, words separated by single spaces.
func clinicianKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}
