package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

const measureSelect = `SELECT m.id, m.case_id, m.measure, m.version, ifnull(m.time_point, ''), m.taken_on,
	ifnull(m.answers, ''), m.scores, m.prorated, ifnull(m.replaces, 0), ifnull(m.why, ''),
	ifnull((SELECT y.id FROM measure_scores y WHERE y.replaces = m.id), 0),
	m.recorded_by, k.name, m.recorded_at, m.hash
	FROM measure_scores m JOIN clinicians k ON k.id = m.recorded_by`

// MeasureScores returns the measures recorded on a case, oldest taken first,
// corrected ones included (ReplacedBy says which replaced which).
func (s *Store) MeasureScores(ctx context.Context, caseID int64) ([]domain.MeasureScore, error) {
	if err := s.reader("read a case's measures"); err != nil {
		return nil, err
	}
	out, err := s.measureScores(ctx, s.db, " WHERE m.case_id = ? ORDER BY m.taken_on, m.id", caseID)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading measures")
	}
	return out, nil
}

// measureScores reads scores through q.
func (s *Store) measureScores(ctx context.Context, q querier, tail string, args ...any) ([]domain.MeasureScore, error) {
	rows, err := q.QueryContext(ctx, measureSelect+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.MeasureScore
	for rows.Next() {
		m, err := s.scanMeasure(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// scanMeasure reads one row of measureSelect; its scores in the order of the
// measure's scales.
func (s *Store) scanMeasure(rows *sql.Rows) (domain.MeasureScore, error) {
	var (
		m                         domain.MeasureScore
		point, taken, answers, sj string
		recordedAt                string
		prorated                  int
	)
	if err := rows.Scan(&m.ID, &m.CaseID, &m.Measure, &m.Version, &point, &taken, &answers, &sj, &prorated,
		&m.Replaces, &m.Why, &m.ReplacedBy, &m.RecordedBy, &m.RecordedByName, &recordedAt, &m.Hash); err != nil {
		return m, err
	}
	m.Point, m.Result.Prorated = domain.TimePoint(point), prorated == 1
	var err error
	if m.TakenOn, err = ident.ParseDate(taken); err != nil {
		return m, newError(ErrCorrupt, s.path, "measure %d has a day taken that is not a date", m.ID)
	}
	if m.RecordedAt, err = parseTime(recordedAt); err != nil {
		return m, newError(ErrCorrupt, s.path, "measure %d has a time recorded that is not a time", m.ID)
	}
	if answers != "" {
		if err := json.Unmarshal([]byte(answers), &m.Answers); err != nil {
			return m, newError(ErrCorrupt, s.path, "measure %d has answers that are not a list of numbers", m.ID)
		}
	}
	scores := map[string]float64{}
	if err := json.Unmarshal([]byte(sj), &scores); err != nil {
		return m, newError(ErrCorrupt, s.path, "measure %d has scores that are not numbers by scale", m.ID)
	}
	var order []string
	if d, ok := domain.MeasureByID(m.Measure); ok {
		for _, sc := range d.Scales {
			order = append(order, sc.ID)
		}
	}
	for id := range scores {
		if !slices.Contains(order, id) {
			order = append(order, id)
		}
	}
	for _, id := range order {
		if v, ok := scores[id]; ok {
			m.Result.Scores = append(m.Result.Scores, domain.ScaleScore{Scale: id, Value: v})
		}
	}
	return m, nil
}

// measuresTaken are the standing scores at a time point on the open cases of
// clinicianID, for the agenda's measures due.
func (s *Store) measuresTaken(ctx context.Context, q querier, clinicianID int64) ([]domain.MeasureTaken, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.case_id, m.measure, m.time_point FROM measure_scores m
		JOIN cases c ON c.id = m.case_id
		WHERE c.allocated_clinician_id = ? AND c.status = 'open' AND m.time_point IS NOT NULL`, clinicianID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.MeasureTaken
	for rows.Next() {
		var t domain.MeasureTaken
		if err := rows.Scan(&t.CaseID, &t.Measure, &t.Point); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// measurePoints are the service's time points for measures (the setting).
func (s *Store) measurePoints(ctx context.Context, q querier) ([]domain.TimePoint, error) {
	v, err := settingValue(ctx, q, domain.SettingMeasureTimePoints)
	if err != nil {
		return nil, err
	}
	return domain.MeasureTimePoints([]domain.Setting{{Key: domain.SettingMeasureTimePoints, Value: v}}), nil
}
