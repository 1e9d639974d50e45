package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"caseload/internal/domain"
)

// peopleWriter finds or adds the person a referral is about, within one transaction.
type peopleWriter struct {
	find, insert *sql.Stmt
}

func preparePeople(ctx context.Context, tx *sql.Tx) (*peopleWriter, error) {
	find, err := tx.PrepareContext(ctx, "SELECT id, given_name, family_name FROM people WHERE nhs_number = ?")
	if err != nil {
		return nil, err
	}
	insert, err := tx.PrepareContext(ctx, `INSERT INTO people
		(given_name, family_name, date_of_birth, nhs_number, prison_number, pnc_id, crn, is_fictional)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	return &peopleWriter{find: find, insert: insert}, nil
}

// person returns the id of the person p describes and whether it was added now.
//
// The NHS number is the only identifier matched on: it is checked (modulus 11) and
// unique to a person, whereas names, dates of birth and prison numbers are shared,
// mistyped or reissued. A second referral for someone already held reuses their row,
// so their history stays in one place; but the same number under a different name is
// far more likely a typing slip than a change of name, and silently joining two
// people's records is a clinical safety hazard, so it is refused for a person to
// check. Without an NHS number nobody is matched: a duplicate person is a nuisance
// that can be merged later, a wrong merge is not.
//
// A reused person keeps their stored details: the other identifiers on p are not
// merged into them (that would be an edit of the person, with its own audit entry).
func (w *peopleWriter) person(ctx context.Context, p domain.Person) (id int64, added bool, err error) {
	if p.NHSNumber != "" {
		var given, family string
		err := w.find.QueryRowContext(ctx, string(p.NHSNumber)).Scan(&id, &given, &family)
		switch {
		case err == nil:
			if !sameName(given, p.GivenName) || !sameName(family, p.FamilyName) {
				return 0, false, badField("nhs_number", ErrConflict,
					"NHS number %s is already held for another person (person %d): check the number", p.NHSNumber, id)
			}
			return id, false, nil
		case !errors.Is(err, sql.ErrNoRows):
			return 0, false, err
		}
	}
	res, err := w.insert.ExecContext(ctx, p.GivenName, p.FamilyName, null(p.DateOfBirth.String()),
		null(string(p.NHSNumber)), null(string(p.PrisonNumber)), null(string(p.PNCID)), null(string(p.CRN)),
		p.NHSNumber.IsTestRange())
	if err != nil {
		return 0, false, err
	}
	id, err = res.LastInsertId()
	return id, true, err
}

// sameName compares names as people write them: case and surrounding space aside.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// null stores the empty string, which the domain uses for "not known", as NULL.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}
