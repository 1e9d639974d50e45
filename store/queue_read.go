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
// reason, prison or duplicate's answer. And they take them as one text a page: most
// of reading 100,000 referrals row by row was database/sql's and the driver's work on
// each row and each column, which SQLite's own joining of the texts costs a fraction
// of. A referral's coded answers and identifiers, which the schema's checks and the
// store's (referral_check.go) keep to their own forms, none with a control character,
// are joined by U+001F; its names and area, typed text, follow, each after its length
// in bytes, so that nothing typed can be read as a separator; referrals are joined by
// U+001E. Their order within a page is no matter: the queue sorts them.
const queueSelect = `SELECT ifnull(group_concat(row, char(30)), ''), ifnull(max(id), 0), count(*),
	ifnull((SELECT value FROM settings WHERE key = 'screening-deadline'), '')
	FROM (SELECT r.id AS id, concat(
		concat_ws(char(31), r.id, r.source, r.status, r.received_at, ifnull(r.screened_at, ''), ifnull(r.rosh, ''),
			ifnull(r.priority_group, 0), ifnull(r.complex_health_needs, ''), ifnull(r.approved_premises, ''),
			ifnull(r.expected_release_date, ''), ifnull(r.release_date_type, ''),
			ifnull(p.nhs_number, ''), ifnull(p.prison_number, ''), ifnull(p.pnc_id, ''), ifnull(p.crn, ''), ''),
		octet_length(p.given_name), ':', p.given_name, octet_length(p.family_name), ':', p.family_name,
		octet_length(ifnull(r.resettlement_area, '')), ':', ifnull(r.resettlement_area, '')) AS row
	FROM referrals r JOIN people p ON p.id = r.person_id WHERE r.imported = 0`

// queueCoded is how many coded texts begin each referral, each ended by U+001F.
const queueCoded = 15

// QueueHead calls each for the top of the queue: every referral whose screening clock
// still runs, then at most screened of the latest screened, in no set order. With it
// the queue draws its first frame before the rest has been read (QueuePage).
//
// each is given a referral holding only what the queue reads (queueSelect): its id,
// person's names and identifiers, source, status, times, the answers its eligibility
// is judged on and the service's screening deadline rule. It is the same *Referral
// each time, filled again, and its texts share one string with the rest of its page:
// copy what is kept.
func (s *Store) QueueHead(ctx context.Context, screened int, each func(*domain.Referral)) error {
	if err := s.reader("list the referrals"); err != nil {
		return err
	}
	return s.queueHead(ctx, screened, queueHeadPage, each)
}

// queueHeadPage is how many running clocks one read of the head takes: a backlog just
// imported is 100,000 of them, and one text of them all held SQLite's heap at 30 MB.
const queueHeadPage = 10_000

// queueHead is QueueHead reading the running clocks page referrals at a time, oldest
// received first, each page after the last one's receipt and id (referrals_unscreened).
func (s *Store) queueHead(ctx context.Context, screened, page int, each func(*domain.Referral)) error {
	var lastAt time.Time
	var lastID int64
	later := func(r *domain.Referral) {
		if c := r.ReceivedAt.Compare(lastAt); c > 0 || (c == 0 && r.ID > lastID) {
			lastAt, lastID = r.ReceivedAt, r.ID
		}
		each(r)
	}
	for after, afterID := "", int64(0); ; after, afterID = lastAt.UTC().Format(time.RFC3339), lastID {
		n, _, err := s.queuePart(ctx, later, " AND r.screened_at IS NULL AND (r.received_at, r.id) > (?, ?)"+
			" ORDER BY r.received_at, r.id LIMIT ?)", after, afterID, page)
		if err != nil {
			return err
		}
		if n < page {
			break
		}
	}
	_, _, err := s.queuePart(ctx, each, " AND r.screened_at IS NOT NULL ORDER BY r.received_at DESC, r.id LIMIT ?)", screened)
	return err
}

// QueuePage calls each (as QueueHead does) for at most limit referrals with ids above
// after, and returns how many there were and the last one's id (after when none). The
// queue reads every referral a page at a time, so that its memory follows a page rather
// than the whole table, and other reads are not kept waiting for the store's one
// connection while 100,000 are read.
func (s *Store) QueuePage(ctx context.Context, after int64, limit int, each func(*domain.Referral)) (n int, last int64, err error) {
	if err := s.reader("list the referrals"); err != nil {
		return 0, after, err
	}
	n, last, err = s.queuePart(ctx, each, " AND r.id > ? ORDER BY r.id LIMIT ?)", after, limit)
	if n == 0 {
		last = after
	}
	return n, last, err
}

// queuePart reads the referrals queueSelect's inner query picks with tail, and calls
// each for each of them.
func (s *Store) queuePart(ctx context.Context, each func(*domain.Referral), tail string, args ...any) (n int, last int64, err error) {
	var page, rule string
	if err := s.db.QueryRowContext(ctx, queueSelect+tail, args...).Scan(&page, &last, &n, &rule); err != nil {
		return 0, 0, normalise(err, s.path, s.busy, "reading the referrals")
	}
	var r domain.Referral
	if rule != "" {
		if r.DeadlineRule, err = domain.ParseDeadlineRule(rule); err != nil {
			return 0, 0, newError(ErrCorrupt, s.path, "%s holds a malformed screening-deadline setting %q", s.path, rule)
		}
	}
	for range n {
		if page, err = s.queued(&r, page); err != nil {
			return 0, 0, err
		}
		each(&r)
		if page != "" {
			if page[0] != '\x1e' {
				return 0, 0, s.queueDamaged(r.ID)
			}
			page = page[1:]
		}
	}
	if page != "" {
		return 0, 0, s.queueDamaged(r.ID)
	}
	return n, last, nil
}

func (s *Store) queueDamaged(id int64) error {
	return newError(ErrCorrupt, s.path, "%s is damaged (referral %d does not read as the schema keeps it): run caseload verify, and restore it from a backup", s.path, id)
}

// queued fills r from the first referral in page (see queueSelect) and returns the rest
// of the page, refusing what the schema and the store would not have let in: a file
// changed behind the store's back is never shown (as scanReferral refuses it).
func (s *Store) queued(r *domain.Referral, page string) (string, error) {
	var f [queueCoded]string
	for n := range queueCoded {
		i := strings.IndexByte(page, '\x1f')
		if i < 0 {
			return "", s.queueDamaged(r.ID)
		}
		f[n], page = page[:i], page[i+1:]
	}
	p := &r.Person
	var ok bool
	var err error
	if r.ID, err = strconv.ParseInt(f[0], 10, 64); err != nil {
		return "", s.queueDamaged(r.ID)
	}
	if p.GivenName, page, ok = typed(page); !ok {
		return "", s.queueDamaged(r.ID)
	}
	if p.FamilyName, page, ok = typed(page); !ok {
		return "", s.queueDamaged(r.ID)
	}
	if r.ResettlementArea, page, ok = typed(page); !ok {
		return "", s.queueDamaged(r.ID)
	}
	r.Source, r.Status = domain.Source(known(f[1], domain.Sources)), domain.ReferralStatus(known(f[2], domain.Statuses))
	r.RoSH = domain.RoSH(known(f[5], domain.RoSHLevels))
	r.ComplexHealthNeeds, r.ApprovedPremises = domain.YesNo(known(f[7], yesNo)), domain.YesNo(known(f[8], yesNo))
	r.ReleaseDateType = domain.ReleaseDateType(known(f[10], domain.ReleaseDateTypes))
	p.NHSNumber, p.PrisonNumber, p.PNCID, p.CRN = ident.NHSNumber(f[11]), ident.PrisonNumber(f[12]), ident.PNCID(f[13]), ident.CRN(f[14])
	if r.PriorityGroup, err = strconv.Atoi(f[6]); err != nil {
		return "", s.queueDamaged(r.ID)
	}
	if r.ReceivedAt, err = parseInstant(f[3]); err != nil {
		return "", s.queueDamaged(r.ID)
	}
	r.ScreenedAt = time.Time{}
	if f[4] != "" {
		if r.ScreenedAt, err = parseInstant(f[4]); err != nil {
			return "", s.queueDamaged(r.ID)
		}
	}
	if r.ExpectedRelease, err = parseDate(f[9]); err != nil {
		return "", s.queueDamaged(r.ID)
	}
	// Text is checked as UTF-8, and the NHS number by its check digit, when written.
	if p.NHSNumber != "" && !p.NHSNumber.Valid() {
		return "", newError(ErrCorrupt, s.path, "%s is damaged (referral %d's NHS number no longer passes its check): run caseload verify, and restore it from a backup", s.path, r.ID)
	}
	if !utf8.ValidString(p.GivenName) || !utf8.ValidString(p.FamilyName) || !utf8.ValidString(r.ResettlementArea) ||
		!utf8.ValidString(f[12]) || !utf8.ValidString(f[13]) || !utf8.ValidString(f[14]) {
		return "", newError(ErrCorrupt, s.path, "%s is damaged (referral %d holds text that is not text): run caseload verify, and restore it from a backup", s.path, r.ID)
	}
	return page, nil
}

// typed is the text at the start of page written after its length in bytes and a
// colon ("5:Aoife"), and the rest of page.
func typed(page string) (text, rest string, ok bool) {
	colon := strings.IndexByte(page, ':')
	if colon < 0 {
		return "", "", false
	}
	n, err := strconv.Atoi(page[:colon])
	if err != nil || n < 0 || n > len(page)-colon-1 {
		return "", "", false
	}
	return page[colon+1 : colon+1+n], page[colon+1+n:], true
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

// parseDate reads a date as the schema keeps it (2026-11-24), or none from "".
func parseDate(s string) (ident.Date, error) {
	var d ident.Date
	if s == "" {
		return d, nil
	}
	err := d.UnmarshalText([]byte(s))
	return d, err
}
