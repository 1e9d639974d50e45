package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"caseload/internal/domain"
)

// wordingSet is the audit detail of "measure.wording_set".
type wordingSet struct {
	Measure string `json:"measure"`
	Items   []int  `json:"items"`
}

// SetMeasureWordings is a lead entering the wording of items of a measure from the
// service's own licensed copy (docs/RULES.md, "Outcome measures": wording not confirmed
// from a primary source is entered locally), item number to wording, in one transaction
// with the audit entry "measure.wording_set". The latest wording of an item is the one
// in force; earlier ones are kept.
func (s *Store) SetMeasureWordings(ctx context.Context, actor string, at time.Time, measure string, wordings map[int]string) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	d, ok := domain.MeasureByID(measure)
	if !ok {
		return newError(ErrInvalid, s.path, "%q is not a measure the app has", measure)
	}
	if d.Entry != domain.EntryItems {
		return newError(ErrInvalid, s.path, "%s is recorded as totals: it has no item wording", d.Name)
	}
	var items []int
	for item := 1; item <= len(d.Items); item++ {
		if w, ok := wordings[item]; ok {
			if strings.TrimSpace(w) == "" || textProblem(w) != "" {
				return newError(ErrInvalid, s.path, "the wording of item %d is empty or not text", item)
			}
			items = append(items, item)
		}
	}
	if len(items) != len(wordings) || len(items) == 0 {
		return newError(ErrInvalid, s.path, "%s has items 1 to %d: give the wording of some of them", d.Name, len(d.Items))
	}
	return s.inTx(ctx, "entering a measure's wording", func(tx *sql.Tx) error {
		for _, item := range items {
			if _, err := tx.ExecContext(ctx, `INSERT INTO measure_wordings (measure, item, wording, set_by, set_at)
				VALUES (?, ?, ?, ?, ?)`, measure, item, strings.TrimSpace(wordings[item]), actor, formatTime(second(at))); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, actor, at, "measure.wording_set", "measure", 0, wordingSet{Measure: measure, Items: items})
	})
}

// MeasureWordings are the item wordings the service entered, in force: measure id to
// item number to wording.
func (s *Store) MeasureWordings(ctx context.Context) (map[string]map[int]string, error) {
	if err := s.reader("read the measures' wording"); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT measure, item, wording FROM measure_wordings ORDER BY id")
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the measures' wording")
	}
	defer rows.Close()
	out := map[string]map[int]string{}
	for rows.Next() {
		var (
			m    string
			item int
			w    string
		)
		if err := rows.Scan(&m, &item, &w); err != nil {
			return nil, normalise(err, s.path, s.busy, "reading the measures' wording")
		}
		if out[m] == nil {
			out[m] = map[int]string{}
		}
		out[m][item] = w
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the measures' wording")
	}
	return out, nil
}
