package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/domain"
)

// AddReferral records one referral, and its person if new, with its audit entry
// ("referral.added"), and returns its id. A referral at fault is reported as a
// *ReferralError naming the field; the environment (ErrLocked, ...) as an *Error.
func (s *Store) AddReferral(ctx context.Context, actor string, at time.Time, r domain.Referral) (int64, error) {
	id, _, err := s.AddReferralMatched(ctx, actor, at, r)
	return id, err
}

// AddReferralMatched is AddReferral that also says how the referral's person matched
// the people already held: linked to one (MatchSame), a possible duplicate of one
// (MatchPossible, recorded on the referral), or new (MatchNone). docs/RULES.md,
// "Possible duplicates".
func (s *Store) AddReferralMatched(ctx context.Context, actor string, at time.Time, r domain.Referral) (int64, domain.PersonMatch, error) {
	ids, ms, err := s.AddReferralsMatched(ctx, actor, at, []domain.Referral{r})
	if err != nil {
		var re *ReferralError
		if errors.As(err, &re) {
			re.single = true
		}
		return 0, domain.PersonMatch{}, err
	}
	return ids[0], ms[0], nil
}

// AddReferrals records a batch (an import) all or none, in one transaction with one
// audit entry per referral, and returns their ids in order. When a referral is at fault
// nothing is saved and the error is a *ReferralError giving its 0-based Index and, when
// known, its Field (column name as in domain.ReferralFields, e.g. "nhs_number").
// Referrals later in the batch see people added earlier in it, so two referrals for one
// new person share them.
func (s *Store) AddReferrals(ctx context.Context, actor string, at time.Time, rs []domain.Referral) ([]int64, error) {
	ids, _, err := s.AddReferralsMatched(ctx, actor, at, rs)
	return ids, err
}

// AddReferralsMatched is AddReferrals that also returns, in order, how each referral's
// person matched the people held (see AddReferralMatched).
func (s *Store) AddReferralsMatched(ctx context.Context, actor string, at time.Time, rs []domain.Referral) ([]int64, []domain.PersonMatch, error) {
	if err := checkActor(actor); err != nil {
		return nil, nil, withPath(err, s.path)
	}
	if why := instantProblem(at); why != "" {
		return nil, nil, newError(ErrInvalid, s.path, "the time of the change %s", why)
	}
	if len(rs) == 0 {
		return nil, nil, nil
	}
	ids := make([]int64, 0, len(rs))
	matches := make([]domain.PersonMatch, 0, len(rs))
	err := s.inTx(ctx, "adding referrals", func(tx *sql.Tx) error {
		w, err := prepareReferralWriter(ctx, tx)
		if err != nil {
			return err
		}
		for i, r := range rs {
			id, m, err := w.add(ctx, actor, at, r)
			if err != nil {
				return s.atIndex(err, i)
			}
			ids = append(ids, id)
			matches = append(matches, m)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return ids, matches, nil
}

// atIndex blames referral i for err when it is the referral's fault (a bad value, a
// conflict); a lock or a disk error is nobody's row and is returned as it is.
func (s *Store) atIndex(err error, i int) error {
	var re *ReferralError
	if errors.As(err, &re) {
		re.Index = i
		return re
	}
	err = normalise(err, s.path, s.busy, "adding a referral")
	if errors.Is(err, ErrInvalid) || errors.Is(err, ErrConflict) {
		return &ReferralError{Index: i, Err: err}
	}
	return err
}

// referralWriter holds the statements of one batch, prepared once for all its rows.
type referralWriter struct {
	people *peopleWriter
	insert *sql.Stmt
	chain  *chain
}

func prepareReferralWriter(ctx context.Context, tx *sql.Tx) (*referralWriter, error) {
	people, err := preparePeople(ctx, tx)
	if err != nil {
		return nil, err
	}
	insert, err := tx.PrepareContext(ctx, `INSERT INTO referrals (person_id, source,
		referrer_name, referrer_org, referrer_email, current_prison, expected_release_date,
		release_date_type, rosh, priority_group, complex_health_needs, resettlement_area,
		approved_premises, referral_reason, received_at, entered_at, screened_at, status, resettlement_authority, possible_duplicate_of)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	c, err := openChain(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &referralWriter{people: people, insert: insert, chain: c}, nil
}

// referralAdded is the audit detail of "referral.added": ids and codes only, so the
// audit can be read, exported and logged without carrying anyone's name.
type referralAdded struct {
	ReferralID int64  `json:"referral_id"`
	PersonID   int64  `json:"person_id"`
	NewPerson  bool   `json:"new_person"`
	Source     string `json:"source"`
	ReceivedAt string `json:"received_at"`
	// LinkedBy is the identifier that linked the referral to a person already held
	// (nhs_number, prison_number or pnc_id), omitted for a new person.
	LinkedBy string `json:"linked_by,omitempty"`
	// PossibleDuplicateOf is the person this one may be (docs/RULES.md, "Possible
	// duplicates"), omitted when none.
	PossibleDuplicateOf int64 `json:"possible_duplicate_of,omitempty"`
}

func (w *referralWriter) add(ctx context.Context, actor string, at time.Time, r domain.Referral) (int64, domain.PersonMatch, error) {
	var m domain.PersonMatch
	if err := checkReferral(&r, at); err != nil {
		return 0, m, err
	}
	personID, added, m, err := w.people.person(ctx, r.Person)
	if err != nil {
		return 0, m, err
	}
	var possible any // NULL unless a possible duplicate
	var detail referralAdded
	switch m.Kind {
	case domain.MatchPossible:
		possible, detail.PossibleDuplicateOf = m.Person.ID, m.Person.ID
	case domain.MatchSame:
		detail.LinkedBy = m.By
	}
	var screened any
	if !r.ScreenedAt.IsZero() {
		screened = formatTime(r.ScreenedAt)
	}
	var priority any
	if r.PriorityGroup != 0 {
		priority = r.PriorityGroup
	}
	res, err := w.insert.ExecContext(ctx, personID, string(r.Source),
		null(r.Referrer.Name), null(r.Referrer.Org), null(r.Referrer.Email), null(r.CurrentPrison),
		null(r.ExpectedRelease.String()), null(string(r.ReleaseDateType)), null(string(r.RoSH)), priority,
		null(string(r.ComplexHealthNeeds)), null(r.ResettlementArea), null(string(r.ApprovedPremises)),
		null(r.Reason), formatTime(r.ReceivedAt), formatTime(r.EnteredAt), screened, string(r.Status),
		authorityOf(r.ResettlementArea), possible)
	if err != nil {
		return 0, m, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, m, err
	}
	detail.ReferralID, detail.PersonID, detail.NewPerson = id, personID, added
	detail.Source, detail.ReceivedAt = string(r.Source), formatTime(r.ReceivedAt)
	_, err = w.chain.append(ctx, actor, at, "referral.added", "referral", id, detail)
	return id, m, err
}

// withPath fills in the file on an *Error made where it was not at hand.
func withPath(err error, path string) error {
	var se *Error
	if errors.As(err, &se) && se.Path == "" {
		se.Path = path
	}
	return err
}
