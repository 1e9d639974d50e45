package store

import (
	"context"
	"database/sql"
	"fmt"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// peopleWriter finds or adds the person a referral is about, within one transaction.
type peopleWriter struct {
	find, insert *sql.Stmt
}

func preparePeople(ctx context.Context, tx *sql.Tx) (*peopleWriter, error) {
	find, err := tx.PrepareContext(ctx, heldSelect)
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

// person returns the id of the person p describes, whether it was added now, and how p
// matched the people already held (domain.MatchPerson, docs/RULES.md "Possible
// duplicates"): the same NHS number, prison number or PNC ID under the same name is the
// held person, so their history stays in one place; the same NHS number under another
// name is refused for a person to check; a possible duplicate is added as a new person,
// the match returned for the referral to record. Nobody is joined on a maybe: a
// duplicate person can be merged later, a wrong merge cannot be undone safely.
//
// A reused person keeps their stored details: the other identifiers on p are not
// merged into them (that would be an edit of the person, with its own audit entry).
func (w *peopleWriter) person(ctx context.Context, p domain.Person) (id int64, added bool, m domain.PersonMatch, err error) {
	held, err := w.held(ctx, p)
	if err != nil {
		return 0, false, m, err
	}
	switch m = domain.MatchPerson(p, held); m.Kind {
	case domain.MatchSame:
		return m.Person.ID, false, m, nil
	case domain.MatchConflict:
		return 0, false, m, badField("nhs_number", ErrConflict,
			"NHS number %s is already held for another person (person %d): check the number", p.NHSNumber, m.Person.ID)
	}
	res, err := w.insert.ExecContext(ctx, p.GivenName, p.FamilyName, null(p.DateOfBirth.String()),
		null(string(p.NHSNumber)), null(string(p.PrisonNumber)), null(string(p.PNCID)), null(string(p.CRN)),
		p.NHSNumber.IsTestRange())
	if err != nil {
		return 0, false, m, err
	}
	id, err = res.LastInsertId()
	return id, true, m, err
}

// heldSelect reads everyone who shares an identifier or the date of birth with a person
// (heldArgs): domain.MatchPerson decides which of them, if any, the person is. A NULL
// parameter matches nobody.
const heldSelect = `SELECT id, given_name, family_name, ifnull(date_of_birth, ''),
	ifnull(nhs_number, ''), ifnull(prison_number, ''), ifnull(pnc_id, ''), ifnull(crn, '')
	FROM people WHERE nhs_number = ? OR prison_number = ? OR pnc_id = ? OR date_of_birth = ? ORDER BY id`

func heldArgs(p domain.Person) []any {
	return []any{null(string(p.NHSNumber)), null(string(p.PrisonNumber)), null(string(p.PNCID)), null(p.DateOfBirth.String())}
}

// held reads the people who share an identifier or the date of birth with p.
func (w *peopleWriter) held(ctx context.Context, p domain.Person) ([]domain.Person, error) {
	rows, err := w.find.QueryContext(ctx, heldArgs(p)...)
	if err != nil {
		return nil, err
	}
	return scanHeld(rows)
}

// matchHeld is domain.MatchPerson against the people q holds: what adding p would do.
func matchHeld(ctx context.Context, q querier, p domain.Person) (domain.PersonMatch, error) {
	rows, err := q.QueryContext(ctx, heldSelect, heldArgs(p)...)
	if err != nil {
		return domain.PersonMatch{}, err
	}
	held, err := scanHeld(rows)
	if err != nil {
		return domain.PersonMatch{}, err
	}
	return domain.MatchPerson(p, held), nil
}

func scanHeld(rows *sql.Rows) ([]domain.Person, error) {
	defer rows.Close()
	var out []domain.Person
	for rows.Next() {
		var h domain.Person
		var dob, nhs, prison, pnc, crn string
		if err := rows.Scan(&h.ID, &h.GivenName, &h.FamilyName, &dob, &nhs, &prison, &pnc, &crn); err != nil {
			return nil, err
		}
		if err := h.DateOfBirth.UnmarshalText([]byte(dob)); err != nil {
			return nil, fmt.Errorf("person %d has a malformed date of birth %q", h.ID, dob)
		}
		h.NHSNumber, h.PrisonNumber = ident.NHSNumber(nhs), ident.PrisonNumber(prison)
		h.PNCID, h.CRN = ident.PNCID(pnc), ident.CRN(crn)
		out = append(out, h)
	}
	return out, rows.Err()
}

// null stores the empty string, which the domain uses for "not known", as NULL.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Person returns the person with id (a referral's possible duplicate, to be named);
// ErrNotFound if there is none.
func (s *Store) Person(ctx context.Context, id int64) (domain.Person, error) {
	if err := s.reader("read a person's details"); err != nil {
		return domain.Person{}, err
	}
	p, err := s.person(ctx, s.db, id)
	if err != nil {
		return domain.Person{}, normalise(err, s.path, s.busy, "reading a person")
	}
	return p, nil
}

// person reads the person with id through q (a transaction, when a change depends on it).
func (s *Store) person(ctx context.Context, q querier, id int64) (domain.Person, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, given_name, family_name, ifnull(date_of_birth, ''),
		ifnull(nhs_number, ''), ifnull(prison_number, ''), ifnull(pnc_id, ''), ifnull(crn, '')
		FROM people WHERE id = ?`, id)
	if err != nil {
		return domain.Person{}, err
	}
	ps, err := scanHeld(rows)
	if err != nil {
		return domain.Person{}, err
	}
	if len(ps) == 0 {
		return domain.Person{}, newError(ErrNotFound, s.path, "person %d does not exist", id)
	}
	return ps[0], nil
}

// PersonRecords counts the referrals and the cases held for person id, for a clinician
// deciding whether two records are one person.
func (s *Store) PersonRecords(ctx context.Context, id int64) (referrals, cases int, err error) {
	if err := s.reader("read a person's records"); err != nil {
		return 0, 0, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM referrals WHERE person_id = ?1 AND imported = 0),
		(SELECT count(*) FROM cases WHERE person_id = ?1)`, id).Scan(&referrals, &cases)
	if err != nil {
		return 0, 0, normalise(err, s.path, s.busy, "counting a person's records")
	}
	return referrals, cases, nil
}
