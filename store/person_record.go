package store

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"caseload/internal/domain"
)

// ActionPersonExported is the audit action of a person's whole record exported.
const ActionPersonExported = "person.exported"

// ExportFormats are the formats an export is written in, as the audit names them.
var ExportFormats = []string{"pdf", "html", "md"}

// personExported is the audit detail of "person.exported": the format, the ids of what
// was given and how much, never a name or a word of the record.
type personExported struct {
	Format      string  `json:"format"`
	ReferralIDs []int64 `json:"referral_ids"`
	CaseIDs     []int64 `json:"case_ids"`
	domain.RecordCounts
}

// ExportPersonRecord reads person personID's whole record (domain.PersonRecord: what
// was signed, never a draft) and keeps in the audit that actor exported it as format,
// in one transaction (docs/RULES.md, "Subject access: the export"): the audit names
// exactly what was read, and a refused audit (a clinician who is not a lead, say)
// refuses the read, so nothing is written. The transaction is IMMEDIATE, so the record
// is one snapshot that no change can move under. An unknown person is ErrNotFound.
func (s *Store) ExportPersonRecord(ctx context.Context, actor string, at time.Time, personID int64, format string) (domain.PersonRecord, error) {
	if err := s.reader("export a person's record"); err != nil {
		return domain.PersonRecord{}, err
	}
	if err := s.checkChange(actor, at); err != nil {
		return domain.PersonRecord{}, err
	}
	if !slices.Contains(ExportFormats, format) {
		return domain.PersonRecord{}, newError(ErrInvalid, s.path, "%q is not a format of an export: pdf, html or md", format)
	}
	var rec domain.PersonRecord
	err := s.inTx(ctx, "exporting a person's record", func(tx *sql.Tx) error {
		var err error
		if rec, err = s.personRecord(ctx, tx, personID); err != nil {
			return err
		}
		d := personExported{Format: format, ReferralIDs: []int64{}, CaseIDs: []int64{}, RecordCounts: rec.Counts()}
		for _, r := range rec.Referrals {
			d.ReferralIDs = append(d.ReferralIDs, r.Referral.ID)
		}
		for _, c := range rec.Cases {
			d.CaseIDs = append(d.CaseIDs, c.Case.ID)
		}
		return s.audit(ctx, tx, actor, at, ActionPersonExported, "person", personID, d)
	})
	if err != nil {
		return domain.PersonRecord{}, err
	}
	return rec, nil
}

// personRecord reads the person, their referrals with every decision, their cases with
// every signed record, and the team's names, through q.
func (s *Store) personRecord(ctx context.Context, q querier, personID int64) (domain.PersonRecord, error) {
	var rec domain.PersonRecord
	var err error
	if rec.Person, err = s.person(ctx, q, personID); err != nil {
		return rec, err
	}
	if rec.Clinicians, err = clinicianNames(ctx, q); err != nil {
		return rec, err
	}
	if rec.Referrals, err = s.personReferrals(ctx, q, personID); err != nil {
		return rec, err
	}
	rows, err := q.QueryContext(ctx, caseSelect+" WHERE person_id = ? ORDER BY id", personID)
	if err != nil {
		return rec, err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := s.scanCase(rows)
		if err != nil {
			return rec, err
		}
		rec.Cases = append(rec.Cases, domain.CaseRecord{Case: c})
	}
	if err := rows.Err(); err != nil {
		return rec, err
	}
	rows.Close() // the connection is the transaction's one: free it for the reads below
	for i := range rec.Cases {
		if err := s.caseRecord(ctx, q, &rec.Cases[i]); err != nil {
			return rec, err
		}
	}
	return rec, nil
}

// personReferrals reads a person's referrals, oldest first, each with its screening,
// consultations and withdrawal.
func (s *Store) personReferrals(ctx context.Context, q querier, personID int64) ([]domain.ReferralRecord, error) {
	rows, err := q.QueryContext(ctx, referralSelect+" WHERE r.person_id = ? ORDER BY r.id", personID)
	if err != nil {
		return nil, err
	}
	var out []domain.ReferralRecord
	for rows.Next() {
		r, err := s.scanReferral(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, domain.ReferralRecord{Referral: r})
	}
	if err := errorsOf(rows); err != nil {
		return nil, err
	}
	for i := range out {
		r := &out[i]
		id := r.Referral.ID
		d, screened, err := s.screening(ctx, q, id)
		if err != nil {
			return nil, err
		}
		if screened {
			r.Screening = &d
		}
		if r.Consultations, err = s.consultations(ctx, q, id); err != nil {
			return nil, err
		}
		w, withdrawn, err := s.withdrawal(ctx, q, id)
		if err != nil {
			return nil, err
		}
		if withdrawn {
			r.Withdrawal = &w
		}
	}
	return out, nil
}

// errorsOf closes rows and returns the error that ended them, if any.
func errorsOf(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// clinicianNames is the team by id, whoever has left since.
func clinicianNames(ctx context.Context, q querier) (map[int64]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, name FROM clinicians")
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, err
		}
		out[id] = name
	}
	return out, errorsOf(rows)
}
