package store

import "caseload/internal/domain"

// As returns a view of the store for one member of the team, me: the same database
// (the same *sql.DB, the same single connection), read as me may read it
// (docs/RULES.md, "Roles"). On a view, every method that reads a person's clinical
// record (referrals and their lists, cases, notes, formulations, forums, release,
// search, the agenda) refuses with ErrForbidden when me may not read records: IT's
// admin. Team, key, safety-check and file methods work as on the store.
//
// Changes are not held by the view but by the audit chain, whoever's store makes them
// (permit): a view changes nothing about who a change's actor is.
//
// Close on a view does nothing: the store it came from owns the database and closes
// it, so one session ending never closes the file under the others.
func (s *Store) As(me domain.Clinician) *Store {
	v := *s
	v.me = &me
	return &v
}

// reader refuses a read of clinical records on a view for someone who may not read
// them; what says the read, as in "may not open a case". The store itself (no view)
// reads everything: it is the file's owner at a command, or the server.
func (s *Store) reader(what string) error {
	if s.me == nil || s.me.ReadsRecords() {
		return nil
	}
	return newError(ErrForbidden, s.path, "%s (%s) may not %s: only a clinician or a lead may open clinical records",
		s.me.Name, s.me.Access, what)
}
