package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
)

// measureRecorded is the audit detail of "measure.recorded".
type measureRecorded struct {
	CaseID   int64   `json:"case_id"`
	ScoreID  int64   `json:"measure_id"`
	Measure  string  `json:"measure"`
	Point    string  `json:"time_point,omitempty"`
	Total    float64 `json:"total"`
	Replaces int64   `json:"replaces,omitempty"`
	Hash     string  `json:"hash"`
}

// RecordMeasure is clinician clinicianID recording and signing measure m on its case
// (docs/RULES.md, "Outcome measures"): scored by its definition (domain.CheckMeasureScore,
// from m.Answers or, for a measure entered as totals, from totals), in one transaction
// with the audit entry "measure.recorded". A score is never recorded twice: a second
// score of the same measure at the same time point is refused with ErrConflict naming
// who recorded the first and when, unless m.Replaces names the score standing there
// (a correction, with m.Why). A closed case takes only its discharge measures. It
// returns the score as signed.
func (s *Store) RecordMeasure(ctx context.Context, clinicianID int64, at time.Time, m domain.MeasureScore, totals map[string]float64) (domain.MeasureScore, error) {
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.MeasureScore{}, err
	}
	if why := textProblem(m.Why); why != "" {
		return domain.MeasureScore{}, newError(ErrInvalid, s.path, "the reason for the correction %s", why)
	}
	m.Why = strings.TrimSpace(m.Why)
	result, err := domain.CheckMeasureScore(m, totals, londonDay(at))
	if err != nil {
		return domain.MeasureScore{}, s.refused(err)
	}
	def, _ := domain.MeasureByID(m.Measure)
	if def.Entry == domain.EntryTotals {
		m.Answers = nil
	}
	m.Result, m.Version, m.RecordedBy, m.RecordedAt = result, def.Version, clinicianID, second(at)
	err = s.inTx(ctx, "recording a measure", func(tx *sql.Tx) error {
		if err := s.caseTakes(ctx, tx, m.CaseID, m.Point); err != nil {
			return err
		}
		if err := s.measureNotTwice(ctx, tx, m, def); err != nil {
			return err
		}
		by, err := s.clinicianByID(ctx, tx, clinicianID)
		if err != nil {
			return err
		}
		m.RecordedByName = by.Name
		if err := tx.QueryRowContext(ctx, "SELECT ifnull(max(id), 0) + 1 FROM measure_scores").Scan(&m.ID); err != nil {
			return err
		}
		m.Hash = domain.MeasureScoreHash(m)
		if err := s.insertMeasure(ctx, tx, m); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "measure.recorded", "case", m.CaseID, measureRecorded{CaseID: m.CaseID,
			ScoreID: m.ID, Measure: m.Measure, Point: string(m.Point), Total: m.Total(), Replaces: m.Replaces, Hash: m.Hash})
	})
	if err != nil {
		return domain.MeasureScore{}, err
	}
	return m, nil
}

// caseTakes refuses a case that does not exist, or a closed one unless what is
// recorded is at discharge: the discharge measures and outcomes are often written up
// after the summary that closed the case is signed.
func (s *Store) caseTakes(ctx context.Context, tx *sql.Tx, caseID int64, point domain.TimePoint) error {
	err := s.caseOpen(ctx, tx, caseID)
	if errors.Is(err, domain.ErrCaseClosed) && point == domain.PointDischarge {
		return nil
	}
	return err
}

// measureNotTwice refuses a second score of m's measure at m's time point, and a
// correction of a score that is not the one standing there.
func (s *Store) measureNotTwice(ctx context.Context, tx *sql.Tx, m domain.MeasureScore, def domain.MeasureDefinition) error {
	var (
		id         int64
		by         string
		recordedAt string
	)
	err := tx.QueryRowContext(ctx, `SELECT m.id, k.name, m.recorded_at FROM measure_scores m
		JOIN clinicians k ON k.id = m.recorded_by
		WHERE m.case_id = ? AND m.measure = ? AND m.time_point IS ? AND m.id IN (SELECT id FROM measure_scores x
			WHERE NOT EXISTS (SELECT 1 FROM measure_scores y WHERE y.replaces = x.id))
		ORDER BY m.id DESC LIMIT 1`, m.CaseID, m.Measure, null(string(m.Point))).Scan(&id, &by, &recordedAt)
	if errors.Is(err, sql.ErrNoRows) {
		id, err = 0, nil
	}
	if err != nil {
		return err
	}
	switch {
	case m.Replaces != 0 && m.Replaces != id:
		return newError(ErrConflict, s.path, "the score being corrected is no longer the one that stands: look again before correcting it")
	case m.Replaces == 0 && id != 0 && m.Point != "":
		when, _ := parseTime(recordedAt)
		return newError(ErrConflict, s.path, "%s %s was recorded on this case by %s on %s: correct that score rather than record it twice",
			def.Name, m.Point.Words(), by, when.In(clock.London()).Format("2 Jan 2006 at 15:04"))
	}
	return nil
}

// insertMeasure writes a signed score.
func (s *Store) insertMeasure(ctx context.Context, tx *sql.Tx, m domain.MeasureScore) error {
	scores := map[string]float64{}
	for _, sc := range m.Result.Scores {
		scores[sc.Scale] = sc.Value
	}
	sj, err := json.Marshal(scores)
	if err != nil {
		return err
	}
	var answers any
	if m.Answers != nil {
		b, err := json.Marshal(m.Answers)
		if err != nil {
			return err
		}
		answers = string(b)
	}
	prorated := 0
	if m.Result.Prorated {
		prorated = 1
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO measure_scores (id, case_id, measure, version, time_point, taken_on,
		answers, scores, total, prorated, replaces, why, recorded_by, recorded_at, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.ID, m.CaseID, m.Measure, m.Version, null(string(m.Point)),
		m.TakenOn.String(), answers, string(sj), m.Total(), prorated, nullID(m.Replaces), null(m.Why), m.RecordedBy,
		formatTime(m.RecordedAt), m.Hash)
	return err
}
