package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// CaseImportError names the case of an import that stopped it (Index, 0-based) and,
// when known, its field by the import column ("nhs_number", "allocated_clinician", ...),
// so the importer can point at the line of its file.
type CaseImportError struct {
	Index int
	Field string
	Err   error
}

// Error names the case and the field: the cause's message says what is wrong with the
// field without naming it, so the importer can print it after its own column.
func (e *CaseImportError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("case %d: %s", e.Index+1, e.Err)
	}
	return fmt.Sprintf("case %d: %s: %s", e.Index+1, e.Field, e.Err)
}

// Unwrap returns the cause, so errors.Is(err, store.ErrConflict) sees through it.
func (e *CaseImportError) Unwrap() error { return e.Err }

// caseImported is the audit detail of "case.imported": ids and the file's line, no names.
type caseImported struct {
	CaseID     int64 `json:"case_id"`
	ReferralID int64 `json:"referral_id"`
	PersonID   int64 `json:"person_id"`
	Line       int   `json:"line"`
	// PossibleDuplicateOf is the person held whom this one may be (docs/RULES.md,
	// "Possible duplicates"), omitted when none.
	PossibleDuplicateOf int64 `json:"possible_duplicate_of,omitempty"`
}

// ImportCases brings in the cases the team already held, all or none, in one
// transaction with one audit entry per case ("case.imported"), and returns their ids in
// order. Each case gets what a case opened in caseload has: its person (an NHS number
// already held reuses that person, as for referrals), an accepted referral standing for
// the original (source other, domain.ImportedReferralReason, received and screened at
// domain.ImportedCase.AcceptedAt, so it never joins the screening queue), the case
// opened at that instant, its release facts, and its MAPPA standing when given. When a
// case is at fault nothing is saved and the error is a *CaseImportError: a rule of
// ImportedCase.Check or a value the schema cannot hold is ErrInvalid; an NHS number that
// already has an open case (or is held under another name) is ErrConflict.
func (s *Store) ImportCases(ctx context.Context, actor string, at time.Time, cs []domain.ImportedCase) ([]int64, error) {
	ids, _, err := s.ImportCasesMatched(ctx, actor, at, cs)
	return ids, err
}

// ImportCasesMatched is ImportCases that also returns, in order, how each case's person
// matched the people held: joined to one (domain.MatchSame), a possible duplicate of one
// (domain.MatchPossible, recorded on its stand-in referral), or new. docs/RULES.md,
// "Possible duplicates".
func (s *Store) ImportCasesMatched(ctx context.Context, actor string, at time.Time, cs []domain.ImportedCase) ([]int64, []domain.PersonMatch, error) {
	if err := s.checkChange(actor, at); err != nil {
		return nil, nil, err
	}
	if len(cs) == 0 {
		return nil, nil, nil
	}
	matches := make([]domain.PersonMatch, 0, len(cs))
	today := ident.DateOf(at.In(clock.London()))
	ids := make([]int64, 0, len(cs))
	err := s.inTx(ctx, "importing cases", func(tx *sql.Tx) error {
		people, err := preparePeople(ctx, tx)
		if err != nil {
			return err
		}
		chain, err := openChain(ctx, tx)
		if err != nil {
			return err
		}
		for i, c := range cs {
			// Checked inside the transaction, so earlier cases of the batch count: a
			// second case for one person finds the first one open.
			bad, err := s.caseImportProblem(ctx, tx, today, c)
			if err != nil {
				return err // the database's failure, nobody's row
			}
			if bad != nil {
				return s.caseAtIndex(bad, i)
			}
			id, m, err := s.importCase(ctx, tx, people, chain, actor, at, c)
			if err != nil {
				return s.caseAtIndex(err, i)
			}
			ids = append(ids, id)
			matches = append(matches, m)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return ids, matches, nil
}

// CheckCaseImport finds, without writing anything, each case of cs that ImportCases
// would refuse as it stands now, at most one problem a case, in order: so an importer
// can report every conflict with what is recorded at once (and on a dry run), not just
// the first. Within cs, a second case for an NHS number is refused as well.
func (s *Store) CheckCaseImport(ctx context.Context, at time.Time, cs []domain.ImportedCase) ([]*CaseImportError, error) {
	if err := s.reader("check cases against the records"); err != nil {
		return nil, err
	}
	if why := instantProblem(at); why != "" {
		return nil, newError(ErrInvalid, s.path, "the time of the check %s", why)
	}
	const what = "checking cases to import"
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	today := ident.DateOf(at.In(clock.London()))
	first := map[ident.NHSNumber]int{}
	var out []*CaseImportError
	for i, c := range cs {
		bad, err := s.caseImportProblem(ctx, tx, today, c)
		if err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
		if n := c.Person.NHSNumber; bad == nil && n != "" {
			if j, ok := first[n]; ok {
				bad = importConflict("nhs_number", "NHS number %s is also in case %d of this import: a person has one open case", n, j+1)
			} else {
				first[n] = i
			}
		}
		if bad != nil {
			bad.Index = i
			_ = withPath(bad, s.path) // fills in the file on the cause, in place
			out = append(out, bad)
		}
	}
	return out, nil
}

// caseImportProblem is the first thing wrong with c before it is written, or nil: the
// domain's rules, values the schema cannot hold, a clinician who cannot hold a case, and
// an NHS number held under another name or with a case still open.
func (s *Store) caseImportProblem(ctx context.Context, q querier, today ident.Date, c domain.ImportedCase) (*CaseImportError, error) {
	if errs := c.Check(today); len(errs) > 0 {
		return &CaseImportError{Field: errs[0].Field, Err: newError(ErrInvalid, "", "%v", errs[0].Err)}, nil
	}
	p := c.Person
	for _, v := range []struct{ field, why string }{
		{"nhs_number", canonicalProblem(p.NHSNumber, ident.ParseNHSNumber)},
		{"prison_number", canonicalProblem(p.PrisonNumber, ident.ParsePrisonNumber)},
		{"crn", canonicalProblem(p.CRN, ident.ParseCRN)},
		{"date_of_birth", dateProblem(p.DateOfBirth)},
		{"accepted_on", dateProblem(c.AcceptedOn)},
		{"actual_release_date", dateProblem(c.Release.Actual)},
		{"recalled_on", dateProblem(c.Release.RecalledOn)},
	} {
		if v.why != "" {
			return &CaseImportError{Field: v.field, Err: newError(ErrInvalid, "", "%s", v.why)}, nil
		}
	}
	for _, d := range c.Release.Dates {
		if why := dateProblem(d.Date); why != "" {
			return &CaseImportError{Field: domain.SentenceDateColumn(d.Kind), Err: newError(ErrInvalid, "", "%s", why)}, nil
		}
	}
	if c.ClinicianID != 0 {
		var active bool
		var access string
		err := q.QueryRowContext(ctx, "SELECT active, access FROM clinicians WHERE id = ?", c.ClinicianID).Scan(&active, &access)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		switch {
		case !active:
			return &CaseImportError{Field: "allocated_clinician",
				Err: newError(ErrInvalid, "", "clinician %d is not an active clinician: only an active one can hold a case", c.ClinicianID)}, nil
		case domain.Access(access) == domain.AccessAdmin:
			return &CaseImportError{Field: "allocated_clinician",
				Err: newError(ErrInvalid, "", "clinician %d is IT (admin), who cannot open clinical records: allocate the case to a clinician", c.ClinicianID)}, nil
		}
	}
	// The person the case would go to, matched as a referral's is (domain.MatchPerson).
	m, err := matchHeld(ctx, q, p)
	switch {
	case err != nil:
		return nil, err
	case m.Kind == domain.MatchConflict:
		// The words of peopleWriter.person, which refuses the same at write time.
		return importConflict("nhs_number", "NHS number %s is already held for another person (person %d): check the number",
			p.NHSNumber, m.Person.ID), nil
	case m.Kind != domain.MatchSame && m.Kind != domain.MatchPossible:
		return nil, nil
	}
	var openCase sql.NullInt64
	if err := q.QueryRowContext(ctx, "SELECT min(id) FROM cases WHERE person_id = ? AND status = 'open'",
		m.Person.ID).Scan(&openCase); err != nil {
		return nil, err
	}
	twoNHS := p.NHSNumber != "" && m.Person.NHSNumber != "" && p.NHSNumber != m.Person.NHSNumber
	if openCase.Valid && m.Kind == domain.MatchPossible && !twoNHS {
		// Two open cases for what may be one person is the hazard itself: the file is
		// checked first, not the caseload afterwards (docs/RULES.md, "Possible duplicates").
		// Two checked NHS numbers that differ make two people: flagged, not refused.
		field := m.By
		if field == "" {
			field = "family_name"
		}
		return importConflict(field, "%s", m.Says(fmt.Sprintf(
			"they have an open case (case %d): give the identifier they share if they are one person, or correct the name or date of birth",
			openCase.Int64))), nil
	}
	if openCase.Valid && m.Kind == domain.MatchSame {
		label := map[string]string{"nhs_number": "NHS number", "prison_number": "prison number", "pnc_id": "PNC ID"}[m.By]
		return importConflict(m.By, "%s %s already has an open case (case %d): the person is on the caseload already",
			label, heldIdentifier(p, m.By), openCase.Int64), nil
	}
	return nil, nil
}

// heldIdentifier is p's identifier of the column by, as it is shown.
func heldIdentifier(p domain.Person, by string) string {
	switch by {
	case "prison_number":
		return string(p.PrisonNumber)
	case "pnc_id":
		return string(p.PNCID)
	}
	return p.NHSNumber.String()
}

func importConflict(field, format string, args ...any) *CaseImportError {
	return &CaseImportError{Field: field, Err: newError(ErrConflict, "", format, args...)}
}

// importCase writes one checked case: person, referral, case, release facts, MAPPA
// standing and audit entry.
func (s *Store) importCase(ctx context.Context, tx *sql.Tx, people *peopleWriter, chain *chain,
	actor string, at time.Time, c domain.ImportedCase) (int64, domain.PersonMatch, error) {
	personID, _, match, err := people.person(ctx, c.Person)
	if err != nil {
		return 0, match, err
	}
	var possible any // NULL unless a possible duplicate (docs/RULES.md, "Possible duplicates")
	if match.Kind == domain.MatchPossible {
		possible = match.Person.ID
	}
	// 09:00 on the day accepted, but never after the import itself: a case accepted
	// today and imported at 07:00 is not opened in the future.
	acceptedAt := c.AcceptedAt(clock.London())
	if acceptedAt.After(at) {
		acceptedAt = at
	}
	accepted := formatTime(acceptedAt)
	// The referral that stands for the case carries the date that was the release on the
	// day it was accepted, as a referral carries one.
	exp := domain.ReleaseOn(ident.Date{}, c.Release.Dates, c.AcceptedOn).From
	res, err := tx.ExecContext(ctx, `INSERT INTO referrals (person_id, source, expected_release_date, release_date_type,
		resettlement_area, referral_reason, received_at, entered_at, screened_at, status, imported, resettlement_authority, possible_duplicate_of)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
		personID, string(domain.SourceOther), null(dateText(exp.Date)), null(string(exp.Kind)), null(c.ResettlementArea),
		domain.ImportedReferralReason, accepted, formatTime(at), accepted, string(domain.StatusAccepted),
		authorityOf(c.ResettlementArea), possible)
	if err != nil {
		return 0, match, err
	}
	referralID, err := res.LastInsertId()
	if err != nil {
		return 0, match, err
	}
	var clinician any
	if c.ClinicianID != 0 {
		clinician = c.ClinicianID
	}
	res, err = tx.ExecContext(ctx, `INSERT INTO cases (referral_id, person_id, allocated_clinician_id, opened_at, status)
		VALUES (?, ?, ?, ?, ?)`, referralID, personID, clinician, accepted, string(domain.CaseOpen))
	if err != nil {
		return 0, match, err
	}
	caseID, err := res.LastInsertId()
	if err != nil {
		return 0, match, err
	}
	// The history starts here: the dates as the team held them are the first ones known.
	release := domain.CaseRelease{Dates: c.Release.Dates, Actual: c.Release.Actual, RecalledOn: c.Release.RecalledOn}
	if err := openRelease(ctx, tx, caseID, release); err != nil {
		return 0, match, err
	}
	if m := c.MAPPA; m != nil {
		asAt := m.AsAt
		if asAt.IsZero() {
			asAt = c.AcceptedOn
		}
		var level any
		if m.Level != 0 {
			level = m.Level
		}
		// Active: the standing the team holds now is the current one.
		if _, err := tx.ExecContext(ctx, `INSERT INTO forum_involvements (case_id, forum, category, level, as_at, active, note)
			VALUES (?, ?, ?, ?, ?, 1, ?)`, caseID, string(domain.ForumMAPPA), string(m.Category), level, asAt.String(),
			null(m.Note)); err != nil {
			return 0, match, err
		}
	}
	detail := caseImported{CaseID: caseID, ReferralID: referralID, PersonID: personID, Line: c.Line}
	if match.Kind == domain.MatchPossible {
		detail.PossibleDuplicateOf = match.Person.ID
	}
	_, err = chain.append(ctx, actor, at, "case.imported", "case", caseID, detail)
	return caseID, match, err
}

// caseAtIndex blames case i for err when it is the case's fault (a bad value, a
// conflict); a lock or a disk error is nobody's row and is returned as it is.
func (s *Store) caseAtIndex(err error, i int) error {
	var ce *CaseImportError
	if errors.As(err, &ce) {
		ce.Index = i
		return withPath(ce, s.path)
	}
	var re *ReferralError // the person's NHS number, refused by peopleWriter
	if errors.As(err, &re) {
		return withPath(&CaseImportError{Index: i, Field: re.Field, Err: re.Err}, s.path)
	}
	err = normalise(err, s.path, s.busy, "importing a case")
	if errors.Is(err, ErrInvalid) || errors.Is(err, ErrConflict) {
		return &CaseImportError{Index: i, Err: err}
	}
	return err
}
