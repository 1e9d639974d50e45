package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
)

// referralDuplicateAnswered is the audit detail of "referral.duplicate-answered". A
// join moves the referral (and its case) from person_id to held_person_id, lists the
// identifiers given to the person held, and, when the referral's person was left with
// nothing referring to them and removed, what their row said: the audit is then the
// only record of the name the referral came in under.
type referralDuplicateAnswered struct {
	ReferralID    int64          `json:"referral_id"`
	Answer        string         `json:"answer"`
	PersonID      int64          `json:"person_id"`
	HeldPersonID  int64          `json:"held_person_id"`
	Filled        []fieldChange  `json:"filled,omitempty"`
	PersonRemoved *removedPerson `json:"person_removed,omitempty"`
}

// removedPerson is a people row as it was when it was removed; nil is NULL.
type removedPerson struct {
	GivenName    string  `json:"given_name"`
	FamilyName   string  `json:"family_name"`
	DateOfBirth  *string `json:"date_of_birth"`
	NHSNumber    *string `json:"nhs_number"`
	PrisonNumber *string `json:"prison_number"`
	PNCID        *string `json:"pnc_id"`
	CRN          *string `json:"crn"`
}

// AnswerDuplicate records the clinician's answer to whether referral id's person is the
// person its match found when it was entered (docs/RULES.md, "Possible duplicates"), in
// one transaction with its audit entry "referral.duplicate-answered".
//
// DuplicateNotSame records only the answer, so the referral no longer asks.
// DuplicateSame joins them: the referral and its case, if it has one, move to the
// person held; the identifiers the person held lacks are filled from the referral's
// person (domain.JoinIdentifiers, which refuses two different values of one); and the
// referral's person, when nothing else refers to them any more, is removed.
//
// seen and seenHeld are the referral's person and the person held as the clinician was
// shown them, every field: an answer given on either as it no longer is, is refused.
// Refused with ErrConflict: an answer given already; a person changed since seen; a
// clash of identifiers; an NHS number that would be held twice because the referral's
// person stays (another referral or case is theirs). ErrInvalid: a referral with no
// possible duplicate, an unknown answer.
func (s *Store) AnswerDuplicate(ctx context.Context, actor string, at time.Time, id int64,
	answer domain.DuplicateAnswer, seen, seenHeld domain.Person) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	if !slices.Contains(domain.DuplicateAnswers, answer) {
		return newError(ErrInvalid, s.path, "%q is not an answer: give same or not-same", string(answer))
	}
	return s.inTx(ctx, "recording whether two records are one person", func(tx *sql.Tx) error {
		r, held, err := s.duplicateAsked(ctx, tx, id, seen, seenHeld)
		if err != nil {
			return err
		}
		detail := referralDuplicateAnswered{ReferralID: id, Answer: string(answer), PersonID: r.Person.ID, HeldPersonID: held.ID}
		if answer == domain.DuplicateSame {
			if err := s.join(ctx, tx, r, held, &detail); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE referrals SET duplicate_answer = ?, duplicate_answered_by = ?,
			duplicate_answered_at = ? WHERE id = ?`, string(answer), actor, formatTime(at), id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "referral.duplicate-answered", "referral", id, detail)
	})
}

// duplicateAsked reads referral id and the person it may be, within tx, and refuses an
// answer the referral does not ask for, or one given on records changed since seen.
func (s *Store) duplicateAsked(ctx context.Context, tx *sql.Tx, id int64, seen, seenHeld domain.Person) (domain.Referral, domain.Person, error) {
	r, err := s.referral(ctx, tx, id)
	if err != nil {
		return r, domain.Person{}, err
	}
	if r.PossibleDuplicateOf == 0 {
		return r, domain.Person{}, newError(ErrInvalid, s.path, "referral %d is not a possible duplicate: there is nothing to answer", id)
	}
	if a := r.Duplicate; a.Answer != "" {
		return r, domain.Person{}, newError(ErrConflict, s.path, "%s already answered %s, %s: reopen the referral to see it",
			s.actorName(ctx, tx, a.By), a.Answer.Label(), a.At.In(clock.London()).Format("15:04 on 2 Jan 2006"))
	}
	held, err := s.person(ctx, tx, r.PossibleDuplicateOf)
	if err != nil {
		return r, held, err
	}
	for _, p := range []struct{ now, then domain.Person }{{r.Person, seen}, {held, seenHeld}} {
		if p.now != p.then {
			return r, held, newError(ErrConflict, s.path,
				"%s's details changed since they were shown: reopen the referral and answer again", p.now.Name())
		}
	}
	return r, held, nil
}

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

// actorName is an audit actor by name, for a sentence ("clinician:3" is their name).
func (s *Store) actorName(ctx context.Context, q querier, actor string) string {
	return domain.ActorName(actor, func(id int64) (string, bool) {
		var name string
		err := q.QueryRowContext(ctx, "SELECT name FROM clinicians WHERE id = ?", id).Scan(&name)
		return name, err == nil
	})
}
