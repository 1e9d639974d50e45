package store

import (
	"context"

	"caseload/internal/domain"
)

// People returns everyone the service holds, by family name then given name, for
// choosing whom a subject access request is about.
func (s *Store) People(ctx context.Context) ([]domain.Person, error) {
	if err := s.reader("list the people held"); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, given_name, family_name, ifnull(date_of_birth, ''),
		ifnull(nhs_number, ''), ifnull(prison_number, ''), ifnull(pnc_id, ''), ifnull(crn, '')
		FROM people ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id`)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the people held")
	}
	ps, err := scanHeld(rows)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the people held")
	}
	return ps, nil
}
