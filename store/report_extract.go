package store

import (
	"context"
	"database/sql"
	"time"

	"caseload/internal/ident"
	"caseload/internal/report"
)

// ActionReportExtracted is the audit action of the evaluation's extract written.
const ActionReportExtracted = "report.extracted"

// reportExtracted is the audit detail of "report.extracted": the period and how many
// people (the extract's rows; "rows" is the seals' key), never an id, a pseudonym or a
// word about anyone.
type reportExtracted struct {
	From   ident.Date `json:"from"`
	To     ident.Date `json:"to"`
	People int        `json:"people"`
}

// ExtractReport reads a report's facts for the evaluation's extract and keeps in the
// audit that actor extracted the period and how many people it holds
// (report.ExtractPeople), in one transaction (docs/RULES.md, "Reports"), as
// ExportPersonRecord does: a refused audit (anyone but a lead) refuses the read, and
// the rows audited are the rows read. The transaction is IMMEDIATE, so the facts are one
// snapshot.
func (s *Store) ExtractReport(ctx context.Context, actor string, at time.Time, from, to ident.Date) (report.Facts, error) {
	if err := s.reader("extract the reports"); err != nil {
		return report.Facts{}, err
	}
	if err := s.checkChange(actor, at); err != nil {
		return report.Facts{}, err
	}
	if err := s.checkPeriod(from, to); err != nil {
		return report.Facts{}, err
	}
	var f report.Facts
	err := s.inTx(ctx, "writing the evaluation's extract", func(tx *sql.Tx) error {
		var err error
		if f, err = s.reportFacts(ctx, tx, to); err != nil {
			return err
		}
		rows := len(report.ExtractPeople(f, from, to))
		return s.audit(ctx, tx, actor, at, ActionReportExtracted, "report", 0, reportExtracted{From: from, To: to, People: rows})
	})
	if err != nil {
		return report.Facts{}, err
	}
	return f, nil
}
