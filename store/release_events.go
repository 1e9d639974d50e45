package store

import (
	"context"
	"encoding/json"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// releaseEventWords name the audit actions of release events for people.
var releaseEventWords = map[string]string{
	"release.actual":      "Released",
	"release.recalled":    "Recalled to custody",
	"release.re-released": "Re-released after recall",
}

// ReleaseEvents returns a case's releases, recalls and re-releases as recorded, oldest
// first, with who recorded each and when: read from the audit log, which holds them
// (the case_release row keeps only the dates).
func (s *Store) ReleaseEvents(ctx context.Context, caseID int64) ([]domain.ReleaseEvent, error) {
	if err := s.reader("read a case's release"); err != nil {
		return nil, err
	}
	return s.releaseEvents(ctx, s.db, caseID)
}

// releaseEvents is ReleaseEvents read through q.
func (s *Store) releaseEvents(ctx context.Context, q querier, caseID int64) ([]domain.ReleaseEvent, error) {
	const what = "reading a case's release events"
	rows, err := q.QueryContext(ctx, `SELECT at, actor, action, detail FROM audit
		WHERE entity = 'case' AND entity_id = ? AND action IN ('release.actual', 'release.recalled', 'release.re-released')
		ORDER BY id`, caseID)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	var out []domain.ReleaseEvent
	for rows.Next() {
		var at, actor, action, detail string
		if err := rows.Scan(&at, &actor, &action, &detail); err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
		var d releaseEvent
		e := domain.ReleaseEvent{What: releaseEventWords[action], By: actor}
		var errs [3]error
		errs[0] = json.Unmarshal([]byte(detail), &d)
		e.On, errs[1] = ident.ParseDate(d.Date)
		e.At, errs[2] = parseTime(at)
		for _, err := range errs {
			if err != nil {
				return nil, s.malformedRelease(caseID, err)
			}
		}
		e.Why = d.Reason
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	return out, nil
}
