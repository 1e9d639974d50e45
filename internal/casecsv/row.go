package casecsv

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// parser reads rows against one instant and one list of clinicians.
type parser struct {
	env        domain.ParseEnv
	today      ident.Date // the London date of env.Now: what "in the future" means
	clinicians []domain.Clinician
}

func newParser(env domain.ParseEnv, clinicians []domain.Clinician) *parser {
	if env.London == nil {
		env.London = time.UTC // a caller's slip must not become a panic on a user's file
	}
	return &parser{env: env, today: ident.DateOf(env.Now.In(env.London)), clinicians: clinicians}
}

// notUTF8 is the shared words for a field that is not UTF-8, kept under its old name
// for the tests.
const notUTF8 = csvfile.NotUTF8

// row reads one record into a case and returns it with every problem found, in column
// order. The case is returned even when there are problems: the NHS number, when it
// parsed, still counts towards the duplicates.
func (p *parser) row(line int, rec []string, cols []string) (domain.ImportedCase, []LineError) {
	c := domain.ImportedCase{Line: line}
	vals := make(map[string]string, len(cols))
	failed := map[string]bool{}
	var errs []LineError
	fail := func(col string, msg string) {
		failed[col] = true
		errs = append(errs, LineError{Line: line, Column: col, Msg: msg})
	}
	for i, col := range cols {
		if msg := csvfile.FieldProblem(col, rec[i]); msg != "" {
			// Refused before parsing: the field rules would report it in confusing
			// ways, or accept a name with a lost letter.
			fail(col, msg)
			continue
		}
		vals[col] = rec[i]
	}

	// The columns shared with the referrals import go through the referral rules; the
	// referral's own required columns (received_at, source) are not in this file, so
	// only problems in shared columns count.
	var in domain.ReferralInput
	for _, col := range referralColumns {
		if f, ok := domain.FieldByName(col); ok && !failed[col] {
			*f.Value(&in) = vals[col]
		}
	}
	ref, fieldErrs := in.Parse(p.env)
	for _, fe := range fieldErrs {
		if slices.Contains(referralColumns, fe.Field) && !failed[fe.Field] {
			fail(fe.Field, fe.Err.Error())
		}
	}
	c.Person = ref.Person
	c.ResettlementArea = ref.ResettlementArea
	legacy := domain.ReleaseDate{Date: ref.ExpectedRelease, Kind: ref.ReleaseDateType}
	c.Release.Dates = p.sentenceDates(vals, failed, fail, legacy)

	for _, d := range []struct {
		col string
		to  *ident.Date
	}{{"accepted_on", &c.AcceptedOn}, {"actual_release_date", &c.Release.Actual}, {"recalled_on", &c.Release.RecalledOn}} {
		if v := vals[d.col]; strings.TrimSpace(v) != "" && !failed[d.col] {
			var err error
			if *d.to, err = ident.ParseDate(v); err != nil {
				fail(d.col, err.Error())
			}
		}
	}
	if v := strings.TrimSpace(vals["allocated_clinician"]); v != "" && !failed["allocated_clinician"] {
		k, err := domain.FindActiveClinician(p.clinicians, v)
		if err != nil {
			fail("allocated_clinician", err.Error())
		}
		c.ClinicianID = k.ID
	}
	c.MAPPA = p.mappa(vals, failed, fail, c.AcceptedOn)

	// The rules across columns. A column that already failed is zero in c, so what
	// Check says about it would only repeat or confuse the problem already reported.
	for _, fe := range c.Check(p.today) {
		if !failed[fe.Field] {
			fail(fe.Field, fe.Err.Error())
		}
	}
	sortByColumn(errs)
	return c, errs
}

// mappa reads the MAPPA columns: nil when both are blank. A level without a category is
// kept (with no category) for Check to report.
func (p *parser) mappa(vals map[string]string, failed map[string]bool, fail func(string, string), asAt ident.Date) *domain.ForumInvolvement {
	v := domain.ForumInvolvement{Forum: domain.ForumMAPPA, AsAt: asAt, Active: true}
	if s := strings.TrimSpace(vals["mappa_category"]); s != "" && !failed["mappa_category"] {
		cat, ok := mappaCategory(s)
		if !ok {
			fail("mappa_category", fmt.Sprintf("%q is not a MAPPA category: use one of %s", s, joinCodes(domain.MAPPACategories)))
		}
		v.Category = cat
	}
	switch s := strings.TrimSpace(vals["mappa_level"]); {
	case s == "" || failed["mappa_level"]:
	case s == "1" || s == "2" || s == "3":
		v.Level = int(s[0] - '0')
	default:
		fail("mappa_level", fmt.Sprintf("%q is not a MAPPA level: use 1, 2 or 3, or leave it blank for none", s))
	}
	if v.Category == "" && v.Level == 0 {
		return nil
	}
	return &v
}

// mappaCategory reads a category code, ignoring case ("NOT_MAPPA", "Unknown").
func mappaCategory(s string) (domain.MAPPACategory, bool) {
	for _, c := range domain.MAPPACategories {
		if strings.EqualFold(s, string(c)) {
			return c, true
		}
	}
	return "", false
}

func joinCodes[T ~string](codes []T) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = string(c)
	}
	return strings.Join(parts, ", ")
}

// sortByColumn puts one line's problems in the order of columnOrder, whole-line problems
// first, so a person fixing the row reads them left to right.
func sortByColumn(errs []LineError) {
	slices.SortStableFunc(errs, func(a, b LineError) int {
		return slices.Index(columnOrder, a.Column) - slices.Index(columnOrder, b.Column)
	})
}
