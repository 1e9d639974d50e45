package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"caseload/internal/domain"
)

// riskJudged is the audit detail of "risk_judgement.recorded".
type riskJudged struct {
	CaseID      int64  `json:"case_id"`
	JudgementID int64  `json:"judgement_id"`
	Hash        string `json:"hash"`
}

// RecordRiskJudgement is clinician clinicianID recording and signing an HCR-20 V3
// summary judgement on case j.CaseID (docs/RULES.md, "HCR-20 summary judgements"), in
// one transaction with the audit entry "risk_judgement.recorded". Each is a new record:
// a later judgement supersedes an earlier one without changing it, so two recorded at
// once both stand, in the order they were signed.
func (s *Store) RecordRiskJudgement(ctx context.Context, clinicianID int64, at time.Time, j domain.RiskJudgement) (domain.RiskJudgement, error) {
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.RiskJudgement{}, err
	}
	for _, t := range []string{j.Assessor, j.Formulation} {
		if why := textProblem(t); why != "" {
			return domain.RiskJudgement{}, newError(ErrInvalid, s.path, "the judgement's text %s", why)
		}
	}
	j.Assessor = strings.TrimSpace(j.Assessor)
	if err := domain.CheckRiskJudgement(j, londonDay(at)); err != nil {
		return domain.RiskJudgement{}, s.refused(err)
	}
	j.RecordedBy, j.RecordedAt = clinicianID, second(at)
	err := s.inTx(ctx, "recording a risk judgement", func(tx *sql.Tx) error {
		if err := s.caseOpen(ctx, tx, j.CaseID); err != nil {
			return err
		}
		me, err := s.clinicianByID(ctx, tx, clinicianID)
		if err != nil {
			return err
		}
		j.RecordedByName = me.Name
		if err := tx.QueryRowContext(ctx, "SELECT ifnull(max(id), 0) + 1 FROM risk_judgements").Scan(&j.ID); err != nil {
			return err
		}
		j.Hash = domain.RiskJudgementHash(j)
		if _, err := tx.ExecContext(ctx, `INSERT INTO risk_judgements (id, case_id, case_prioritisation, serious_harm,
			imminent_violence, assessed_on, assessor, review_on, formulation, recorded_by, recorded_at, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, j.ID, j.CaseID, j.CasePrioritisation, j.SeriousHarm,
			j.ImminentViolence, j.AssessedOn.String(), j.Assessor, null(j.ReviewOn.String()), j.Formulation, j.RecordedBy,
			formatTime(j.RecordedAt), j.Hash); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "risk_judgement.recorded", "case", j.CaseID,
			riskJudged{CaseID: j.CaseID, JudgementID: j.ID, Hash: j.Hash})
	})
	if err != nil {
		return domain.RiskJudgement{}, err
	}
	return j, nil
}

// RiskJudgements returns a case's HCR-20 summary judgements, oldest first: the last
// is the one in force.
func (s *Store) RiskJudgements(ctx context.Context, caseID int64) ([]domain.RiskJudgement, error) {
	if err := s.reader("read a case's risk judgements"); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT j.id, j.case_id, j.case_prioritisation, j.serious_harm,
		j.imminent_violence, j.assessed_on, j.assessor, j.review_on, j.formulation, j.recorded_by, k.name,
		j.recorded_at, j.hash FROM risk_judgements j JOIN clinicians k ON k.id = j.recorded_by
		WHERE j.case_id = ? ORDER BY j.id`, caseID)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading risk judgements")
	}
	defer rows.Close()
	var out []domain.RiskJudgement
	for rows.Next() {
		var (
			j                  domain.RiskJudgement
			assessed, recorded string
			review             sql.NullString
		)
		if err := rows.Scan(&j.ID, &j.CaseID, &j.CasePrioritisation, &j.SeriousHarm, &j.ImminentViolence, &assessed,
			&j.Assessor, &review, &j.Formulation, &j.RecordedBy, &j.RecordedByName, &recorded, &j.Hash); err != nil {
			return nil, normalise(err, s.path, s.busy, "reading risk judgements")
		}
		var e [3]error
		j.AssessedOn, e[0] = storedDate(sql.NullString{String: assessed, Valid: true})
		j.ReviewOn, e[1] = storedDate(review)
		j.RecordedAt, e[2] = parseTime(recorded)
		if e[0] != nil || e[1] != nil || e[2] != nil {
			return nil, newError(ErrCorrupt, s.path, "risk judgement %d has a date or time that is not one", j.ID)
		}
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, "reading risk judgements")
	}
	return out, nil
}
