package store

import (
	"context"
	"database/sql"
	"slices"
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

// actorName is an audit actor by name, for a sentence ("clinician:3" is their name).
func (s *Store) actorName(ctx context.Context, q querier, actor string) string {
	return domain.ActorName(actor, func(id int64) (string, bool) {
		var name string
		err := q.QueryRowContext(ctx, "SELECT name FROM clinicians WHERE id = ?", id).Scan(&name)
		return name, err == nil
	})
}
