package store

import (
	"context"
	"database/sql"
	"time"

	"caseload/internal/domain"
)

// migrationSteps are the steps of a migration that SQL cannot take, run in the same
// transaction as its SQL: a step either wholly applies or not at all.
var migrationSteps = map[int]func(ctx context.Context, tx *sql.Tx, now time.Time) error{
	9:  resolveStoredAreas,
	14: sealExisting,
	16: sealAccess,
}

// resolveStoredAreas reads every stored resettlement area against the gazetteer, so a
// referral entered before 0009 carries its authority as one entered after does.
func resolveStoredAreas(ctx context.Context, tx *sql.Tx, _ time.Time) error {
	rows, err := tx.QueryContext(ctx, "SELECT id, resettlement_area FROM referrals WHERE resettlement_area IS NOT NULL")
	if err != nil {
		return err
	}
	type area struct {
		id   int64
		name string
	}
	var areas []area
	for rows.Next() {
		var a area
		if err := rows.Scan(&a.id, &a.name); err != nil {
			rows.Close()
			return err
		}
		areas = append(areas, a)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, a := range areas {
		if _, err := tx.ExecContext(ctx, "UPDATE referrals SET resettlement_authority = ? WHERE id = ?",
			authorityOf(a.name), a.id); err != nil {
			return err
		}
	}
	return nil
}

// authorityOf is the value stored beside a resettlement area: the authority the
// gazetteer reads it as, or NULL.
func authorityOf(area string) any { return null(domain.ResettlementAuthority(area)) }
