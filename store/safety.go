package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"caseload/internal/domain"
)

// The audit actions that keep each check's outcome (docs/RULES.md, "Backup and verify
// on Today"): in the audit itself, so every session sees them, whoever ran the check.
const (
	actionVerified = "database.verified"
	actionBackedUp = "database.backed_up"
)

// safetyDetail is the audit detail of a check.
type safetyDetail struct {
	OK       bool   `json:"ok"`
	Problems int    `json:"problems"`
	Head     int64  `json:"head"`             // the last audit entry the check saw
	Backup   string `json:"backup,omitempty"` // the file written (backups only)
	Why      string `json:"why,omitempty"`    // failures only
}

// RecordSafetyCheck keeps the outcome of a verify or a backup as an audit entry of the
// database, in one transaction. A check's fields that do not fit it are refused with
// ErrInvalid and one sentence.
func (s *Store) RecordSafetyCheck(ctx context.Context, actor string, at time.Time, c domain.SafetyCheck) error {
	if err := checkActor(actor); err != nil {
		return withPath(err, s.path)
	}
	if why := instantProblem(at); why != "" {
		return newError(ErrInvalid, s.path, "the time of the check %s", why)
	}
	if why := c.Problem(); why != "" {
		return newError(ErrInvalid, s.path, "%s", why)
	}
	d, action := safetyDetail{OK: c.OK, Problems: c.Problems, Head: c.Head}, actionVerified
	if c.Kind == domain.SafetyBackup {
		d.Backup, action = c.Backup, actionBackedUp
	}
	if !c.OK {
		d.Why = c.Why
	}
	return s.inTx(ctx, "recording the "+c.Kind, func(tx *sql.Tx) error {
		ch, err := openChain(ctx, tx)
		if err != nil {
			return err
		}
		_, err = ch.append(ctx, actor, at, action, "database", 0, d)
		return err
	})
}

// SafetyChecks reads the latest verify and backup, and the latest good one of each.
func (s *Store) SafetyChecks(ctx context.Context) (domain.SafetyChecks, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return domain.SafetyChecks{}, normalise(err, s.path, s.busy, "reading the last verify and backup")
	}
	defer func() { _ = tx.Rollback() }()
	sc, err := s.safetyChecks(ctx, tx)
	if err != nil {
		return domain.SafetyChecks{}, normalise(err, s.path, s.busy, "reading the last verify and backup")
	}
	return sc, nil
}

// latestCheck is the newest entry of a check, or of a good one, read from the database's
// own entries by their index. INDEXED BY holds that plan whatever the statistics come to
// say: walking the audit back by id from its end instead reads every entry when no check
// was ever recorded.
const latestCheck = `SELECT id, at, detail FROM audit INDEXED BY audit_entity
	WHERE entity = 'database' AND entity_id = 0 AND action = ?1 AND (?2 = 0 OR json_extract(detail, '$.ok') = 1)
	ORDER BY id DESC LIMIT 1`

func (s *Store) safetyChecks(ctx context.Context, q querier) (domain.SafetyChecks, error) {
	var sc domain.SafetyChecks
	for _, r := range []struct {
		to     *domain.SafetyCheck
		kind   string
		action string
		good   bool
	}{
		{&sc.LastVerify, domain.SafetyVerify, actionVerified, false},
		{&sc.LastGoodVerify, domain.SafetyVerify, actionVerified, true},
		{&sc.LastBackup, domain.SafetyBackup, actionBackedUp, false},
		{&sc.LastGoodBackup, domain.SafetyBackup, actionBackedUp, true},
	} {
		var id int64
		var at, detail string
		err := q.QueryRowContext(ctx, latestCheck, r.action, r.good).Scan(&id, &at, &detail)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return sc, err
		}
		var d safetyDetail
		c := domain.SafetyCheck{Kind: r.kind}
		if c.At, err = parseTime(at); err != nil || json.Unmarshal([]byte(detail), &d) != nil {
			return sc, newError(ErrCorrupt, s.path, "audit entry %d, a %s, cannot be read", id, r.kind)
		}
		c.OK, c.Problems, c.Head, c.Backup, c.Why = d.OK, d.Problems, d.Head, d.Backup, d.Why
		*r.to = c
	}
	return sc, nil
}
