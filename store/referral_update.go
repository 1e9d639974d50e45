package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"caseload/internal/domain"
)

// fact is one stored fact of a referral or its person: the table and column it lives
// in and the value bound for it (string, int, or nil for NULL), as AddReferral writes it.
type fact struct {
	table, column string
	value         any
}

// facts lists what a correction may change, in the order of the referral form. Status,
// entered_at and screened_at are not facts about the person or the referral but about
// what the service did with it, and change only through the decisions that set them.
func facts(r domain.Referral) []fact {
	p := r.Person
	var priority any
	if r.PriorityGroup != 0 {
		priority = r.PriorityGroup
	}
	const ref, ppl = "referrals", "people"
	return []fact{
		{ref, "received_at", formatTime(r.ReceivedAt)},
		{ref, "source", string(r.Source)},
		{ref, "referrer_name", null(r.Referrer.Name)},
		{ref, "referrer_org", null(r.Referrer.Org)},
		{ref, "referrer_email", null(r.Referrer.Email)},
		{ppl, "given_name", p.GivenName},
		{ppl, "family_name", p.FamilyName},
		{ppl, "date_of_birth", null(p.DateOfBirth.String())},
		{ppl, "nhs_number", null(string(p.NHSNumber))},
		{ppl, "prison_number", null(string(p.PrisonNumber))},
		{ppl, "pnc_id", null(string(p.PNCID))},
		{ppl, "crn", null(string(p.CRN))},
		{ref, "current_prison", null(r.CurrentPrison)},
		{ref, "expected_release_date", null(r.ExpectedRelease.String())},
		{ref, "release_date_type", null(string(r.ReleaseDateType))},
		{ref, "rosh", null(string(r.RoSH))},
		{ref, "priority_group", priority},
		{ref, "complex_health_needs", null(string(r.ComplexHealthNeeds))},
		{ref, "resettlement_area", null(r.ResettlementArea)},
		// Not typed but read from the area: a correction of the area re-reads it, and the
		// audit shows both.
		{ref, "resettlement_authority", authorityOf(r.ResettlementArea)},
		{ref, "approved_premises", null(string(r.ApprovedPremises))},
		{ref, "referral_reason", null(r.Reason)},
	}
}

// text is a fact as the audit shows it: a string, or nil (JSON null) for unknown.
func (f fact) text() *string {
	var s string
	switch v := f.value.(type) {
	case nil:
		return nil
	case int:
		s = strconv.Itoa(v)
	case string:
		s = v
	}
	return &s
}

// fieldChange is one line of a correction's audit detail.
type fieldChange struct {
	Field string  `json:"field"`
	Old   *string `json:"old"`
	New   *string `json:"new"`
}

// referralCorrected is the audit detail of "referral.corrected". Unlike the other
// entries it carries the values themselves: the row is overwritten, so the audit is the
// only record of what it said before. person_id says whose details changed, since a
// person may have several referrals.
type referralCorrected struct {
	ReferralID int64         `json:"referral_id"`
	PersonID   int64         `json:"person_id"`
	Changes    []fieldChange `json:"changes"`
}

// UpdateReferral corrects the facts of referral r.ID and its person (every column of
// facts above) and writes one audit entry "referral.corrected" listing each change with
// its old and new value. Nothing changed means nothing written and no entry. r must
// carry the stored Status, EnteredAt and ScreenedAt (and its person's ID, or 0): a
// correction never moves a referral along the pathway, so a difference there is
// refused (ErrInvalid). Values are checked as AddReferral checks them, and an NHS
// number already held by another person is refused (ErrConflict), both as a
// *ReferralError naming the field. Correcting the person corrects them for all their
// referrals. was is the referral as the clinician saw it when they began: if its facts
// have been corrected by someone else since, the correction is refused (ErrConflict)
// rather than silently putting back the other person's values.
func (s *Store) UpdateReferral(ctx context.Context, actor string, at time.Time, was, r domain.Referral) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	if re := checkReferral(&r, at); re != nil {
		re.single = true
		return withPath(re, s.path)
	}
	err := s.inTx(ctx, "correcting a referral", func(tx *sql.Tx) error {
		stored, err := s.referral(ctx, tx, r.ID)
		if err != nil {
			return err
		}
		if err := s.checkUnchanged(stored, r); err != nil {
			return err
		}
		if err := checkNotCorrectedSince(stored, was); err != nil {
			return err
		}
		personID := stored.Person.ID
		if nhs := r.Person.NHSNumber; nhs != "" && nhs != stored.Person.NHSNumber {
			var other int64
			err := tx.QueryRowContext(ctx, "SELECT id FROM people WHERE nhs_number = ? AND id <> ?", string(nhs), personID).Scan(&other)
			if err == nil {
				return badField("nhs_number", ErrConflict,
					"NHS number %s is already held for another person (person %d): check the number", nhs, other)
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		old, now := facts(stored), facts(r)
		var changes []fieldChange
		changed := map[string]bool{}
		for i := range now {
			o, n := old[i].text(), now[i].text()
			if (o == nil) != (n == nil) || o != nil && *o != *n {
				changes = append(changes, fieldChange{Field: now[i].column, Old: o, New: n})
				changed[now[i].table] = true
			}
		}
		if len(changes) == 0 {
			return nil
		}
		if changed["referrals"] {
			if err := update(ctx, tx, "referrals", now, r.ID, nil); err != nil {
				return err
			}
		}
		if changed["people"] {
			// is_fictional follows the NHS number, as when the person was added.
			extra := &fact{"people", "is_fictional", r.Person.NHSNumber.IsTestRange()}
			if err := update(ctx, tx, "people", now, personID, extra); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, actor, at, "referral.corrected", "referral", r.ID,
			referralCorrected{ReferralID: r.ID, PersonID: personID, Changes: changes})
	})
	var re *ReferralError
	if errors.As(err, &re) {
		re.single = true
	}
	return err
}

// checkNotCorrectedSince refuses a correction made on facts that have changed since the
// form was opened: two clinicians correcting at once must not overwrite each other.
func checkNotCorrectedSince(stored, was domain.Referral) error {
	now, then := facts(stored), facts(was)
	for i := range now {
		o, n := then[i].text(), now[i].text()
		if (o == nil) != (n == nil) || o != nil && *o != *n {
			return badField(now[i].column, ErrConflict,
				"referral %d was corrected by someone else while you were editing it (%s changed): reopen it and make your correction again",
				stored.ID, now[i].column)
		}
	}
	return nil
}

// checkUnchanged refuses a correction that would move the referral along the pathway
// or onto another person.
func (s *Store) checkUnchanged(stored, r domain.Referral) error {
	when := func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return formatTime(t)
	}
	switch {
	case r.Status != stored.Status:
		// Most often the form was opened before someone else decided on the referral.
		return badField("status", ErrInvalid,
			"referral %d is %s, not %s: a correction cannot change its status (reopen the referral to see the latest decision)",
			r.ID, stored.Status.Label(), r.Status.Label())
	case when(r.EnteredAt) != when(stored.EnteredAt):
		return badField("entered_at", ErrInvalid, "entered_at is when the referral was typed in (%s): a correction cannot change it",
			when(stored.EnteredAt))
	case when(r.ScreenedAt) != when(stored.ScreenedAt):
		return badField("screened_at", ErrInvalid, "screened_at is set by the screening decision (%s): a correction cannot change it",
			when(stored.ScreenedAt))
	case r.Person.ID != 0 && r.Person.ID != stored.Person.ID:
		return badField("person", ErrInvalid, "referral %d is about person %d, not person %d: a correction cannot move it to another person",
			r.ID, stored.Person.ID, r.Person.ID)
	}
	return nil
}

// update writes every fact of one table (and extra, if given) to row id. The column
// names are the constants of facts, never input.
func update(ctx context.Context, tx *sql.Tx, table string, fs []fact, id int64, extra *fact) error {
	var set []string
	var args []any
	for _, f := range fs {
		if f.table == table {
			set = append(set, f.column+" = ?")
			args = append(args, f.value)
		}
	}
	if extra != nil {
		set = append(set, extra.column+" = ?")
		args = append(args, extra.value)
	}
	_, err := tx.ExecContext(ctx, "UPDATE "+table+" SET "+strings.Join(set, ", ")+" WHERE id = ?", append(args, id)...)
	return err
}
