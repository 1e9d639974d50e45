package queue

import (
	"time"

	"github.com/charmbracelet/x/ansi"

	"caseload/internal/domain"
)

// row is one referral as the queue shows it: only what a row draws, sorts and filters
// on, worked out when the data or the time changes, never while drawing. It holds no
// referral: at 100,000 referrals every byte of a row is a tenth of a megabyte, so the
// rest of a referral (referrer, reason, prison) is read when one is opened, and the
// texts a row draws share one string with its page's others (see maker).
type row struct {
	id       int64
	received time.Time
	clock    domain.ScreeningClock
	name     string
	nhs      string // as shown, 3-3-4
	source   domain.Source
	status   domain.ReferralStatus
	verdict  domain.Verdict
	// offDay says in a word when a running clock's deadline falls on a weekend or a bank
	// holiday ("Sat", "Sun", "bank hol"; docs/RULES.md, "Screening deadline").
	offDay string
	// hay is what the filter searches: names, identifiers, source and status, folded as
	// domain.FoldForSearch folds what is typed, NUL between them.
	hay string
}

// maker turns referrals as the store reads them (QueueHead, QueuePage) into rows at an
// instant, off the UI goroutine. A page's names and haystacks are written into one
// buffer and made one string when the page ends, so the rows of 100,000 referrals cost
// a few dozen allocations rather than half a million.
type maker struct {
	now      time.Time
	verdicts domain.Verdicts
	rows     []row
	text     []byte
	spans    []span // where each row of the page in hand finds its texts in text
	widest   int    // the longest name's width, for the name's column
}

// span places a row's texts in its page's text.
type span struct{ name, hay, nhs, nhsEnd, end int }

// add makes r's row; its texts are placed when the page ends (page).
func (k *maker) add(r *domain.Referral) {
	p := &r.Person
	name := p.Name()
	s := span{name: len(k.text)}
	k.text = append(k.text, name...)
	s.hay = len(k.text)
	k.text = append(domain.AppendFolded(k.text, name), 0)
	// The number as shown (ident.NHSNumber.String) folds to itself: the row shows it
	// from its haystack.
	s.nhs = len(k.text)
	if nhs := string(p.NHSNumber); len(nhs) == 10 {
		k.text = append(append(append(append(append(k.text, nhs[:3]...), ' '), nhs[3:6]...), ' '), nhs[6:]...)
	} else {
		k.text = append(k.text, nhs...)
	}
	s.nhsEnd = len(k.text)
	for _, part := range [...]string{string(p.NHSNumber), string(p.PrisonNumber), string(p.PNCID), string(p.CRN),
		string(r.Source), r.Source.Label(), r.Status.Label()} {
		k.text = domain.AppendFolded(append(k.text, 0), part)
	}
	s.end = len(k.text)
	c := r.Clock(k.now)
	row := row{id: r.ID, received: r.ReceivedAt, clock: c, source: r.Source, status: r.Status, verdict: k.verdicts.Of(r)}
	if c.State != domain.ClockStopped {
		// Only a running clock says its deadline's day, and a stopped one never runs again.
		row.offDay = offDayWord(domain.DeadlineDay(c.DueAt))
	}
	k.rows = append(k.rows, row)
	k.spans = append(k.spans, s)
	if len(k.text) >= pageText {
		k.page() // a head of 100,000 running clocks is one read of the store
	}
}

// pageText is how much text a page of rows shares, at most (about 8,000 rows).
const pageText = 1 << 20

// page ends a page: its rows' texts become pieces of one string. The maker's owner
// calls it after each read of the store; add calls it too, when the text is long.
func (k *maker) page() {
	text := string(k.text)
	rows := k.rows[len(k.rows)-len(k.spans):]
	for i, s := range k.spans {
		r := &rows[i]
		r.name, r.nhs, r.hay = text[s.name:s.hay], text[s.nhs:s.nhsEnd], text[s.hay:s.end]
		k.widest = max(k.widest, width(r.name))
	}
	k.text, k.spans = k.text[:0], k.spans[:0]
}

// width is a name's width in cells: its length when it is printable ASCII, as most are.
func width(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x7f || s[i] < 0x20 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// buildRows prepares and sorts rows for referrals at now, as a load does: for tests.
func buildRows(refs []domain.Referral, now time.Time) []row {
	k := maker{now: now}
	for i := range refs {
		k.add(&refs[i])
	}
	k.page()
	sortRows(k.rows)
	return k.rows
}

// counts is the summary the queue's title line shows.
type counts struct{ overdue, soon, waiting, total int }

func countRows(rows []row, total int) counts {
	c := counts{total: max(total, len(rows))}
	for i := range rows {
		switch r := &rows[i]; {
		case r.clock.State == domain.ClockOverdue:
			c.overdue++
			c.waiting++
		case r.clock.State == domain.ClockDue:
			c.waiting++
			if r.clock.Soon {
				c.soon++
			}
		}
	}
	return c
}

// shortDayWord is offDayWord for the narrow clock: "bank hol" as "hol".
func shortDayWord(day string) string {
	if day == "bank hol" {
		return "hol"
	}
	return day
}

// offDayWord is domain.DeadlineDay short enough for the clock's column.
func offDayWord(why string) string {
	switch why {
	case "Saturday":
		return "Sat"
	case "Sunday":
		return "Sun"
	case "bank holiday":
		return "bank hol"
	}
	return why
}
