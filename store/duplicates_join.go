package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"caseload/internal/domain"
)

// join moves referral r and its case to the person held, fills their identifiers, and
// removes r's person if nothing refers to them any more; what it did goes into detail.
func (s *Store) join(ctx context.Context, tx *sql.Tx, r domain.Referral, held domain.Person, detail *referralDuplicateAnswered) error {
	fills, err := domain.JoinIdentifiers(held, r.Person)
	if err != nil {
		return &Error{Kind: ErrConflict, Path: s.path, Msg: err.Error(), Cause: err}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE referrals SET person_id = ? WHERE id = ?", held.ID, r.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE cases SET person_id = ? WHERE referral_id = ?", held.ID, r.ID); err != nil {
		return err
	}
	referredBy, err := referredTo(ctx, tx, r.Person.ID)
	if err != nil {
		return err
	}
	if referredBy == "" {
		// Removed before the fill, so the NHS number is free to move.
		if _, err := tx.ExecContext(ctx, "DELETE FROM people WHERE id = ?", r.Person.ID); err != nil {
			return err
		}
		detail.PersonRemoved = removed(r.Person)
	}
	for _, f := range fills {
		if f.Field == "nhs_number" && referredBy != "" {
			return newError(ErrConflict, s.path, "not joined: %s's NHS number %s is also on %s, and one NHS number is one person: "+
				"check that record first, or correct the number", r.Person.Name(), r.Person.NHSNumber, referredBy)
		}
		// The column names are domain.JoinIdentifiers' constants, never input.
		if _, err := tx.ExecContext(ctx, "UPDATE people SET "+f.Field+" = ? WHERE id = ?", f.Value, held.ID); err != nil {
			return err
		}
		if f.Field == "nhs_number" { // is_fictional follows the NHS number, as when added
			if _, err := tx.ExecContext(ctx, "UPDATE people SET is_fictional = ? WHERE id = ?", r.Person.NHSNumber.IsTestRange(), held.ID); err != nil {
				return err
			}
		}
		v := f.Value
		detail.Filled = append(detail.Filled, fieldChange{Field: f.Field, New: &v})
	}
	return nil
}

// referredTo names what still refers to person id ("referral 12", "case 3"), or "" for
// nothing. Every foreign key to people is asked, as the schema lists them, so a table
// added later that refers to a person keeps its person from being removed.
func referredTo(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT m.name, f."from" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND f."table" = 'people' ORDER BY m.name, f."from"`)
	if err != nil {
		return "", err
	}
	var refs [][2]string
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			rows.Close()
			return "", err
		}
		refs = append(refs, [2]string{table, column})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	for _, ref := range refs {
		var row int64
		// Table and column names come from the schema itself, quoted.
		err := tx.QueryRowContext(ctx, fmt.Sprintf(`SELECT rowid FROM "%s" WHERE "%s" = ? LIMIT 1`, ref[0], ref[1]), id).Scan(&row)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return "", err
		}
		what := fmt.Sprintf("%s %d", strings.TrimSuffix(ref[0], "s"), row)
		if ref[1] != "person_id" {
			what += " (" + ref[1] + ")"
		}
		return what, nil
	}
	return "", nil
}

func removed(p domain.Person) *removedPerson {
	text := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	return &removedPerson{GivenName: p.GivenName, FamilyName: p.FamilyName, DateOfBirth: text(p.DateOfBirth.String()),
		NHSNumber: text(string(p.NHSNumber)), PrisonNumber: text(string(p.PrisonNumber)), PNCID: text(string(p.PNCID)), CRN: text(string(p.CRN))}
}
