package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// AuditFilter chooses the entries of AuditLog (domain.AuditFilter).
type AuditFilter = domain.AuditFilter

// DefaultAuditPage is how many entries AuditLog returns when asked for none.
const DefaultAuditPage = 100

// AuditLine is one entry of AuditLog (domain.AuditLine).
type AuditLine = domain.AuditLine

// AuditLog reads one page of the audit, newest first, as f chooses. It reads only the
// page: the person filter goes through the records' index, the others walk the log back
// from f.Before until the page is full.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditLine, error) {
	const what = "reading the audit log"
	// The log names whose records were opened and what was searched for: clinical.
	if err := s.reader("read the audit log"); err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultAuditPage
	}
	var where []string
	var args []any
	if f.Before > 0 {
		where, args = append(where, "a.id < ?"), append(args, f.Before)
	}
	if !f.From.IsZero() {
		where, args = append(where, "a.at >= ?"), append(args, formatTime(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "a.at < ?"), append(args, formatTime(f.To))
	}
	if f.ClinicianID > 0 {
		where = append(where, "(a.actor = ? OR a.actor IN (SELECT 'os:' || os_user FROM clinicians WHERE id = ? AND os_user IS NOT NULL))")
		args = append(args, fmt.Sprintf("clinician:%d", f.ClinicianID), f.ClinicianID)
	}
	from := "audit a"
	if p := strings.TrimSpace(f.Person); p != "" {
		ids, err := s.peopleMatching(ctx, p)
		if err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
		js, _ := json.Marshal(ids)
		// Each kind of record through the audit's (entity, entity_id) index, so a person
		// with ten entries in a log of a million costs ten lookups, not a scan.
		from = `(SELECT a.* FROM audit a JOIN referrals r ON a.entity = 'referral' AND a.entity_id = r.id
				WHERE r.person_id IN (SELECT value FROM json_each(?1))
			UNION ALL SELECT a.* FROM audit a JOIN cases c ON a.entity = 'case' AND a.entity_id = c.id
				WHERE c.person_id IN (SELECT value FROM json_each(?1))
			UNION ALL SELECT a.* FROM audit a JOIN notes n ON a.entity = 'note' AND a.entity_id = n.id
				JOIN cases c ON c.id = n.case_id WHERE c.person_id IN (SELECT value FROM json_each(?1))
			UNION ALL SELECT a.* FROM audit a JOIN formulations v ON a.entity = 'formulation' AND a.entity_id = v.id
				JOIN cases c ON c.id = v.case_id WHERE c.person_id IN (SELECT value FROM json_each(?1))
			UNION ALL SELECT a.* FROM audit a WHERE a.entity = 'person' AND a.entity_id IN (SELECT value FROM json_each(?1))) a`
		args = append([]any{string(js)}, args...)
		where = numbered(where) // ?1 is the people; the filters' marks follow it
	}
	q := `SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.detail,
		ifnull((SELECT p.given_name || ' ' || p.family_name FROM people p WHERE p.id = CASE a.entity
			WHEN 'referral' THEN (SELECT person_id FROM referrals WHERE id = a.entity_id)
			WHEN 'case' THEN (SELECT person_id FROM cases WHERE id = a.entity_id)
			WHEN 'note' THEN (SELECT c.person_id FROM notes n JOIN cases c ON c.id = n.case_id WHERE n.id = a.entity_id)
			WHEN 'formulation' THEN (SELECT c.person_id FROM formulations v JOIN cases c ON c.id = v.case_id WHERE v.id = a.entity_id)
			WHEN 'person' THEN a.entity_id
			END), '')
		FROM ` + from
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += fmt.Sprintf(" ORDER BY a.id DESC LIMIT %d", limit)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	var out []AuditLine
	for rows.Next() {
		var l AuditLine
		var at string
		if err := rows.Scan(&l.ID, &at, &l.Actor, &l.Action, &l.Entity, &l.EntityID, &l.Detail, &l.Person); err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
		if l.At, err = parseTime(at); err != nil {
			return nil, newError(ErrCorrupt, s.path, "audit entry %d in %s has a bad time %q", l.ID, s.path, at)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	names := map[int64]string{}
	for i := range out {
		out[i].By = domain.ActorName(out[i].Actor, func(id int64) (string, bool) {
			if n, ok := names[id]; ok {
				return n, true
			}
			c, err := s.clinicianByID(ctx, s.db, id)
			if err != nil {
				return "", false
			}
			names[id] = c.Name
			return c.Name, true
		})
	}
	return out, nil
}

// numbered rewrites the plain ? marks of where as ?2, ?3, ... in order, after ?1.
func numbered(where []string) []string {
	n := 2
	for i, w := range where {
		var b strings.Builder
		for _, r := range w {
			if r == '?' {
				fmt.Fprintf(&b, "?%d", n)
				n++
				continue
			}
			b.WriteRune(r)
		}
		where[i] = b.String()
	}
	return where
}

// peopleMatching is the ids of the people p names: an NHS number, or name words.
func (s *Store) peopleMatching(ctx context.Context, p string) ([]int64, error) {
	ids := []int64{}
	if nhs, err := ident.ParseNHSNumber(p); err == nil {
		rows, err := s.db.QueryContext(ctx, "SELECT id FROM people WHERE nhs_number = ?", string(nhs))
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
		return ids, rows.Err()
	}
	words := strings.Fields(domain.FoldForSearch(p))
	rows, err := s.db.QueryContext(ctx, "SELECT id, given_name, family_name FROM people")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var given, family string
		if err := rows.Scan(&id, &given, &family); err != nil {
			return nil, err
		}
		name := domain.FoldForSearch(given + " " + family)
		all := true
		for _, w := range words {
			all = all && strings.Contains(name, w)
		}
		if all {
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}
