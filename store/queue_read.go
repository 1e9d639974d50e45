package store

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The referral queue lists every referral, so its reads take only what a row draws,
// sorts and filters on and what its eligibility verdict is judged from: no referrer,
// reason, prison or duplicate's answer. Most of reading 100,000 referrals in full was
// database/sql's work on 32 columns a row, so the coded answers and the identifiers,
// which the schema's checks and the store's (referral_check.go) keep to their own
// forms, none with a control character, come joined in one text by U+001F; the names
// and the area, typed text, come in columns of their own.
const queueSelect = `SELECT r.id, p.given_name, p.family_name, ifnull(r.resettlement_area, ''),
	concat_ws(char(31), r.source, r.status, r.received_at, ifnull(r.screened_at, ''), ifnull(r.rosh, ''),
		ifnull(r.priority_group, 0), ifnull(r.complex_health_needs, ''), ifnull(r.approved_premises, ''),
		ifnull(r.expected_release_date, ''), ifnull(r.release_date_type, ''),
		ifnull(p.nhs_number, ''), ifnull(p.prison_number, ''), ifnull(p.pnc_id, ''), ifnull(p.crn, '')),
	ifnull((SELECT value FROM settings WHERE key = 'screening-deadline'), '')
	FROM referrals r JOIN people p ON p.id = r.person_id WHERE r.imported = 0`

// queueFacts is how many texts the joined column holds.
const queueFacts = 14

// QueueHead calls each for the top of the queue: every referral whose screening clock
// still runs, oldest received first, then at most screened of the latest screened,
// newest received first. With it the queue draws its first frame before the rest has
// been read (QueuePage).
//
// each is given a referral holding only what the queue reads (queueSelect): its id,
// person's names and identifiers, source, status, times, the answers its eligibility
// is judged on and the service's screening deadline rule. It is the same *Referral
// each time, filled again, and its identifiers share one string with the rest of its
// row: copy what is kept. each must not use the store, whose connection the read holds.
func (s *Store) QueueHead(ctx context.Context, screened int, each func(*domain.Referral)) error {
	if err := s.reader("list the referrals"); err != nil {
		return err
	}
	if err := s.eachQueued(ctx, each, " AND r.screened_at IS NULL ORDER BY r.received_at, r.id"); err != nil {
		return err
	}
	return s.eachQueued(ctx, each, " AND r.screened_at IS NOT NULL ORDER BY r.received_at DESC, r.id LIMIT ?", screened)
}

// QueuePage calls each (as QueueHead does) for at most limit referrals with ids above
// after, in the order of their ids, and returns the last one's id, or after when there
// were none. The queue reads every referral a page at a time, so that its memory
// follows a page rather than the whole table, and other reads are not kept waiting for
// the store's one connection while 100,000 are read.
func (s *Store) QueuePage(ctx context.Context, after int64, limit int, each func(*domain.Referral)) (int64, error) {
	if err := s.reader("list the referrals"); err != nil {
		return after, err
	}
	last := after
	err := s.eachQueued(ctx, func(r *domain.Referral) {
		last = r.ID
		each(r)
	}, " AND r.id > ? ORDER BY r.id LIMIT ?", after, limit)
	return last, err
}

func (s *Store) eachQueued(ctx context.Context, each func(*domain.Referral), tail string, args ...any) error {
	rows, err := s.db.QueryContext(ctx, queueSelect+tail, args...)
	if err != nil {
		return normalise(err, s.path, s.busy, "reading the referrals")
	}
	defer rows.Close()
	var (
		r                  domain.Referral
		facts, rule, given string
		family             string
	)
	for rows.Next() {
		if err := rows.Scan(&r.ID, &given, &family, &r.ResettlementArea, &facts, &rule); err != nil {
			return normalise(err, s.path, s.busy, "reading the referrals")
		}
		r.Person.GivenName, r.Person.FamilyName = given, family
		if err := s.queued(&r, facts, rule); err != nil {
			return err
		}
		each(&r)
	}
	if err := rows.Err(); err != nil {
		return normalise(err, s.path, s.busy, "reading the referrals")
	}
	return nil
}

// queued fills r from the joined texts of queueSelect and the deadline rule, refusing
// what the schema would not have let in: a file changed behind the store's back is
// never shown (as scanReferral refuses it).
func (s *Store) queued(r *domain.Referral, joined, rule string) error {
	var f [queueFacts]string
	n := 0
	for n < queueFacts-1 {
		i := strings.IndexByte(joined, '\x1f')
		if i < 0 {
			break
		}
		f[n], joined = joined[:i], joined[i+1:]
		n++
	}
	f[n] = joined
	damaged := func() error {
		return newError(ErrCorrupt, s.path, "%s is damaged (referral %d does not read as the schema keeps it): run caseload verify, and restore it from a backup", s.path, r.ID)
	}
	if n != queueFacts-1 || strings.IndexByte(joined, '\x1f') >= 0 {
		return damaged()
	}
	p := &r.Person
	r.Source, r.Status = domain.Source(known(f[0], sources)), domain.ReferralStatus(known(f[1], statuses))
	r.RoSH = domain.RoSH(known(f[4], roshes))
	r.ComplexHealthNeeds, r.ApprovedPremises = domain.YesNo(known(f[6], answers)), domain.YesNo(known(f[7], answers))
	r.ReleaseDateType = domain.ReleaseDateType(known(f[9], releaseKinds))
	p.NHSNumber, p.PrisonNumber, p.PNCID, p.CRN = ident.NHSNumber(f[10]), ident.PrisonNumber(f[11]), ident.PNCID(f[12]), ident.CRN(f[13])
	var err error
	if r.PriorityGroup, err = strconv.Atoi(f[5]); err != nil {
		return damaged()
	}
	if r.ReceivedAt, err = parseInstant(f[2]); err != nil {
		return damaged()
	}
	r.ScreenedAt = time.Time{}
	if f[3] != "" {
		if r.ScreenedAt, err = parseInstant(f[3]); err != nil {
			return damaged()
		}
	}
	if err := r.ExpectedRelease.UnmarshalText([]byte(f[8])); err != nil {
		return damaged()
	}
	r.DeadlineRule = ""
	if rule != "" {
		if r.DeadlineRule, err = domain.ParseDeadlineRule(rule); err != nil {
			return newError(ErrCorrupt, s.path, "%s holds a malformed screening-deadline setting %q", s.path, rule)
		}
	}
	// Text is checked as UTF-8, and the NHS number by its check digit, when written.
	if p.NHSNumber != "" && !p.NHSNumber.Valid() {
		return newError(ErrCorrupt, s.path, "%s is damaged (referral %d's NHS number no longer passes its check): run caseload verify, and restore it from a backup", s.path, r.ID)
	}
	if !utf8.ValidString(p.GivenName) || !utf8.ValidString(p.FamilyName) || !utf8.ValidString(r.ResettlementArea) ||
		!utf8.ValidString(f[11]) || !utf8.ValidString(f[12]) || !utf8.ValidString(f[13]) {
		return newError(ErrCorrupt, s.path, "%s is damaged (referral %d holds text that is not text): run caseload verify, and restore it from a backup", s.path, r.ID)
	}
	return nil
}

// known is s as the one of values it equals, so that a row kept by the queue holds the
// constant rather than a piece of the text it was read from; s itself when it is none.
func known[T ~string](s string, values []T) string {
	for _, v := range values {
		if string(v) == s {
			return string(v)
		}
	}
	return s
}

var (
	sources  = []domain.Source{domain.SourceProbation, domain.SourceNSDCT, domain.SourceReconnect, domain.SourceOPD, domain.SourceChannel, domain.SourceSelf, domain.SourceOther}
	statuses = []domain.ReferralStatus{domain.StatusReceived, domain.StatusScreenedIn, domain.StatusScreenedOut,
		domain.StatusConsultation, domain.StatusAccepted, domain.StatusNotAccepted, domain.StatusWithdrawn}
	roshes       = []domain.RoSH{domain.RoSHLow, domain.RoSHMedium, domain.RoSHHigh, domain.RoSHVeryHigh}
	answers      = []domain.YesNo{domain.Yes, domain.No}
	releaseKinds = domain.ReleaseDateTypes
)

// parseInstant reads an instant as the schema keeps it, 2026-11-24T09:00:00Z, without
// the general layout's work (two for each of 100,000 referrals); anything else goes to
// parseTime, which says what is wrong.
func parseInstant(s string) (time.Time, error) {
	if len(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' {
		return parseTime(s)
	}
	num := func(from, to int) int {
		n := 0
		for _, c := range []byte(s[from:to]) {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, mo, d, h, mi, sec := num(0, 4), num(5, 7), num(8, 10), num(11, 13), num(14, 16), num(17, 19)
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC)
	// time.Date carries what is out of range into the next field: a field that does not
	// come back as given was not a real date or time.
	if y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || t.Year() != y || int(t.Month()) != mo ||
		t.Day() != d || t.Hour() != h || t.Minute() != mi || t.Second() != sec {
		return parseTime(s)
	}
	return t, nil
}
