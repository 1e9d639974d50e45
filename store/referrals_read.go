package store

import (
	"context"
	"database/sql"
	"errors"
	"unicode/utf8"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// referralSelect reads referrals with their person in one JOIN, so the whole caseload
// loads in one query rather than one per row. NULLs come back as the domain's zero
// values (” and 0) through ifnull, which spares a sql.Null* per column and row. The last
// column is the service's screening deadline setting, read in the same statement (and
// so the same snapshot) as the referrals it judges; SQLite runs the subquery once.
const referralSelect = `SELECT r.id, r.source,
	ifnull(r.referrer_name, ''), ifnull(r.referrer_org, ''), ifnull(r.referrer_email, ''),
	ifnull(r.current_prison, ''), ifnull(r.expected_release_date, ''), ifnull(r.release_date_type, ''),
	ifnull(r.rosh, ''), ifnull(r.priority_group, 0), ifnull(r.complex_health_needs, ''),
	ifnull(r.resettlement_area, ''), ifnull(r.approved_premises, ''), ifnull(r.referral_reason, ''),
	r.received_at, r.entered_at, ifnull(r.screened_at, ''), r.status,
	ifnull(r.resettlement_authority, ''),
	p.id, p.given_name, p.family_name, ifnull(p.date_of_birth, ''), ifnull(p.nhs_number, ''),
	ifnull(p.prison_number, ''), ifnull(p.pnc_id, ''), ifnull(p.crn, ''),
	ifnull(r.possible_duplicate_of, 0), ifnull(r.duplicate_answer, ''), ifnull(r.duplicate_answered_by, ''),
	ifnull(r.duplicate_answered_at, ''),
	ifnull((SELECT value FROM settings WHERE key = 'screening-deadline'), '')
	FROM referrals r JOIN people p ON p.id = r.person_id`

// Referrals returns every referral the team received, with its person, ordered by id.
// The stand-ins `cases import` makes for the original referrals of imported cases are
// not among them (nor in any of the queue's reads below).
func (s *Store) Referrals(ctx context.Context) ([]domain.Referral, error) {
	if err := s.reader("list the referrals"); err != nil {
		return nil, err
	}
	n, err := s.CountReferrals(ctx)
	if err != nil {
		return nil, err
	}
	// Sizing the slice first saves regrowing it through 20,000 rows.
	return s.queryReferrals(ctx, n, " WHERE r.imported = 0 ORDER BY r.id")
}

// UnscreenedReferrals returns every referral whose screening clock still runs, oldest
// received first. With LatestScreenedReferrals it gives the top of the queue quickly,
// before the whole caseload has loaded.
func (s *Store) UnscreenedReferrals(ctx context.Context) ([]domain.Referral, error) {
	if err := s.reader("list the referrals"); err != nil {
		return nil, err
	}
	return s.queryReferrals(ctx, 0, " WHERE r.screened_at IS NULL AND r.imported = 0 ORDER BY r.received_at, r.id")
}

// LatestScreenedReferrals returns at most limit screened referrals, newest received first.
func (s *Store) LatestScreenedReferrals(ctx context.Context, limit int) ([]domain.Referral, error) {
	if err := s.reader("list the referrals"); err != nil {
		return nil, err
	}
	return s.queryReferrals(ctx, limit, " WHERE r.screened_at IS NOT NULL AND r.imported = 0 ORDER BY r.received_at DESC, r.id LIMIT ?", limit)
}

// CountReferrals returns how many referrals the database holds.
func (s *Store) CountReferrals(ctx context.Context) (int, error) {
	if err := s.reader("count the referrals"); err != nil {
		return 0, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM referrals WHERE imported = 0").Scan(&n); err != nil {
		return 0, normalise(err, s.path, s.busy, "counting the referrals")
	}
	return n, nil
}

func (s *Store) queryReferrals(ctx context.Context, capacity int, tail string, args ...any) ([]domain.Referral, error) {
	rs, err := s.referralsIn(ctx, s.db, capacity, tail, args...)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the referrals")
	}
	return rs, nil
}

// Referral returns one referral with its person; ErrNotFound if there is none.
func (s *Store) Referral(ctx context.Context, id int64) (domain.Referral, error) {
	if err := s.reader("open a referral"); err != nil {
		return domain.Referral{}, err
	}
	return s.referral(ctx, s.db, id)
}

// rowQuerier reads one row from the database or, where a decision must be made on what
// the transaction itself sees, from a *sql.Tx.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) referral(ctx context.Context, q rowQuerier, id int64) (domain.Referral, error) {
	r, err := s.scanReferral(q.QueryRowContext(ctx, referralSelect+" WHERE r.id = ?", id))
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return domain.Referral{}, newError(ErrNotFound, s.path, "referral %d does not exist", id)
		}
		return domain.Referral{}, err
	}
	return r, nil
}

type scanner interface{ Scan(dest ...any) error }

func (s *Store) scanReferral(row scanner) (domain.Referral, error) {
	var (
		r                                     domain.Referral
		p                                     = &r.Person
		release, dob, received, entered, scrd string
		source, rdt, rosh, chn, ap, status    string
		nhs, prison, pnc, crn, rule           string
		dupAnswer, dupAt                      string
	)
	err := row.Scan(&r.ID, &source, &r.Referrer.Name, &r.Referrer.Org, &r.Referrer.Email,
		&r.CurrentPrison, &release, &rdt, &rosh, &r.PriorityGroup, &chn, &r.ResettlementArea, &ap,
		&r.Reason, &received, &entered, &scrd, &status, &r.ResettlementAuthority,
		&p.ID, &p.GivenName, &p.FamilyName, &dob, &nhs, &prison, &pnc, &crn, &r.PossibleDuplicateOf,
		&dupAnswer, &r.Duplicate.By, &dupAt, &rule)
	if err != nil {
		return r, normalise(err, s.path, s.busy, "reading a referral")
	}
	r.Source, r.ReleaseDateType, r.RoSH = domain.Source(source), domain.ReleaseDateType(rdt), domain.RoSH(rosh)
	r.ComplexHealthNeeds, r.ApprovedPremises = domain.YesNo(chn), domain.YesNo(ap)
	r.Status = domain.ReferralStatus(status)
	r.Duplicate.Answer = domain.DuplicateAnswer(dupAnswer)
	p.NHSNumber, p.PrisonNumber = ident.NHSNumber(nhs), ident.PrisonNumber(prison)
	p.PNCID, p.CRN = ident.PNCID(pnc), ident.CRN(crn)
	// The CHECK constraints admit only well-formed text, so a failure here means the
	// file was changed behind the store's back.
	bad := func(field, v string) error {
		return newError(ErrCorrupt, s.path, "referral %d in %s has a malformed %s %q", r.ID, s.path, field, v)
	}
	if err := r.ExpectedRelease.UnmarshalText([]byte(release)); err != nil {
		return r, bad("expected_release_date", release)
	}
	// Text is checked as UTF-8 and the NHS number by its check digit when written, so
	// one that fails here was damaged in the file: it is refused, never shown.
	if nhs != "" {
		if _, err := ident.ParseNHSNumber(nhs); err != nil {
			return r, newError(ErrCorrupt, s.path, "%s is damaged (referral %d's NHS number no longer passes its check): run caseload verify, and restore it from a backup", s.path, r.ID)
		}
	}
	for _, v := range []string{p.GivenName, p.FamilyName, prison, pnc, crn, r.Reason, r.Referrer.Name, r.Referrer.Org,
		r.Referrer.Email, r.CurrentPrison, r.ResettlementArea} {
		if !utf8.ValidString(v) {
			return r, newError(ErrCorrupt, s.path, "%s is damaged (referral %d holds text that is not text): run caseload verify, and restore it from a backup", s.path, r.ID)
		}
	}
	if err := p.DateOfBirth.UnmarshalText([]byte(dob)); err != nil {
		return r, bad("date_of_birth", dob)
	}
	if r.ReceivedAt, err = parseTime(received); err != nil {
		return r, bad("received_at", received)
	}
	if r.EnteredAt, err = parseTime(entered); err != nil {
		return r, bad("entered_at", entered)
	}
	if dupAt != "" {
		if r.Duplicate.At, err = parseTime(dupAt); err != nil {
			return r, bad("duplicate_answered_at", dupAt)
		}
	}
	if scrd != "" {
		if r.ScreenedAt, err = parseTime(scrd); err != nil {
			return r, bad("screened_at", scrd)
		}
	}
	if rule != "" {
		if r.DeadlineRule, err = domain.ParseDeadlineRule(rule); err != nil {
			return r, newError(ErrCorrupt, s.path, "%s holds a malformed screening-deadline setting %q", s.path, rule)
		}
	}
	return r, nil
}
