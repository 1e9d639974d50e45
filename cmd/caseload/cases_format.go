package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"caseload/internal/casecsv"
	"caseload/internal/csvfile"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// caseJSON is the JSON contract of `cases list`: the team's scripts read these names.
// Unknown values are null, never "" or 0.
type caseJSON struct {
	ID                int64      `json:"id"`
	GivenName         string     `json:"given_name"`
	FamilyName        string     `json:"family_name"`
	Clinician         *string    `json:"clinician"`
	ReleaseDate       *string    `json:"release_date"` // actual once known, else expected
	ReleaseDateType   *string    `json:"release_date_type"`
	EngagementFrom    *string    `json:"engagement_from"`
	DischargeDue      *string    `json:"discharge_due"`
	Phase             string     `json:"phase"`
	DaysToRelease     *int       `json:"days_to_release"`     // pre-release only
	MonthSinceRelease *int       `json:"month_since_release"` // 1..12, post-release only
	Countdown         string     `json:"countdown"`
	NextForum         *forumJSON `json:"next_forum"`
	// SentenceDates are every date the case holds, in the order of the kinds
	// (docs/RULES.md, "Sentence dates"); release_date is the one that is the release.
	SentenceDates []sentenceDateJSON `json:"sentence_dates"`
	// LikelyWalkOut is the day the person is likely to walk out when release_date falls
	// on a day prisons do not release on (docs/RULES.md, "The day a person walks out");
	// null when the day stands, is confirmed, or the release is recorded or unknown.
	LikelyWalkOut *string `json:"likely_walk_out"`
	// PersonID, Status and, on a closed case, how and when it closed and when its record
	// is due for retention review (docs/RULES.md, "Closing a case" and "Retention").
	PersonID          int64   `json:"person_id"`
	Status            string  `json:"status"` // open or closed
	ClosedOn          *string `json:"closed_on"`
	ClosingReason     *string `json:"closing_reason"` // completed, disengaged, transferred, recalled, moved-away, died, other
	RetentionReviewOn *string `json:"retention_review_on"`
}

// sentenceDateJSON is one sentence date; kind is null for a date of no stated kind.
type sentenceDateJSON struct {
	Kind      *string `json:"kind"`
	Date      string  `json:"date"`
	Confirmed bool    `json:"confirmed"`
}

// forumJSON is a case's next forum meeting.
type forumJSON struct {
	Kind      string  `json:"kind"` // MAPPA_L2, MAPPA_L3, MARAC, CHANNEL or OTHER
	Date      string  `json:"date"`
	Role      string  `json:"role"` // attends, informs or invited_not_attended
	ReportDue *string `json:"report_due"`
}

// caseJSONOf works out a case's pathway on today: one row of `cases list`.
func caseJSONOf(c domain.CaseOnPathway, next map[int64]domain.ForumMeeting, today ident.Date) caseJSON {
	p := domain.PathwayOf(c.Release, today)
	// The date the countdown runs from: the actual release once known, else the
	// expected one; null when the release is unknown (nothing, only an HDC
	// eligibility date, or a parole eligibility date that has passed).
	release, kind := p.ReleaseDate, ""
	if c.Release.Actual.IsZero() && !release.IsZero() {
		kind = string(p.Anchor.Kind)
	}
	row := caseJSON{ID: c.CaseID, GivenName: c.Person.GivenName, FamilyName: c.Person.FamilyName,
		Clinician: orNull(c.Clinician), ReleaseDate: orNull(release.String()), ReleaseDateType: orNull(kind),
		EngagementFrom: orNull(p.EngagementFrom.String()), DischargeDue: orNull(p.DischargeDue.String()),
		Phase: string(p.Phase), Countdown: p.Countdown, SentenceDates: sentenceDatesJSON(c.Release.Dates)}
	switch p.Phase {
	case domain.PhasePreRelease:
		row.DaysToRelease = &p.DaysToRelease
	case domain.PhasePostRelease:
		row.MonthSinceRelease = &p.MonthSinceRelease
	}
	if w, ok := domain.LikelyWalkOut(p.Anchor); ok && c.Release.Actual.IsZero() {
		row.LikelyWalkOut = orNull(w.Date.String())
	}
	if m, ok := next[c.CaseID]; ok {
		row.NextForum = &forumJSON{Kind: string(m.Kind), Date: m.Date.String(), Role: string(m.Role), ReportDue: orNull(m.ReportDue.String())}
	}
	row.PersonID, row.Status = c.Person.ID, cmp.Or(c.Status, "open")
	if row.Status == "closed" {
		closedRow(&row, c.Closure)
	}
	return row
}

// closedRow words a closed case: its phase is "closed" and its countdown says when and
// why, since the pathway of a case that has ended counts nothing; nothing is due on it
// (no days to release, month or walk-out day, no next forum).
func closedRow(row *caseJSON, c domain.CaseClosure) {
	row.Phase, row.Countdown = "closed", "closed"
	row.DaysToRelease, row.MonthSinceRelease, row.LikelyWalkOut, row.NextForum = nil, nil, nil, nil
	if c.On.IsZero() {
		return
	}
	row.ClosedOn, row.ClosingReason = orNull(c.On.String()), orNull(string(c.Reason))
	row.RetentionReviewOn = orNull(domain.RetentionReviewOn(c, domain.MentalHealthRetention).String())
	row.Countdown = "closed on " + c.On.Long() + ": " + c.Says()
}

func sentenceDatesJSON(ds domain.SentenceDates) []sentenceDateJSON {
	out := make([]sentenceDateJSON, 0, len(ds)) // never nil: none held is [], not null
	for _, d := range ds {
		out = append(out, sentenceDateJSON{Kind: orNull(string(d.Kind)), Date: d.Date.String(), Confirmed: d.IsConfirmed()})
	}
	return out
}

// indentedJSON writes v as the headless lists did before they streamed: indented, "<"
// and "&" as typed; compactUnless takes the whitespace out unless --pretty.
func indentedJSON(w io.Writer, v any) error { return writeJSONValue(w, v, true) }

// casesCSV writes the JSON's scalar columns; next_forum is "DATE KIND" ("" when none);
// then the sentence dates as the cases import reads them: a column a kind (crd, ped,
// led, ...) and confirmed_dates, the kinds confirmed. Every cell but the app's own
// numbers and dates goes through csvfile's SafeCell, so a name cannot run as a formula
// and a negative number of days stays a number.
type casesCSV struct {
	buf   *bufio.Writer
	cw    *csvfile.Writer
	kinds []string
}

func newCasesCSV(w io.Writer) *casesCSV {
	kinds := casecsv.KindColumns()
	header := append([]string{"id", "given_name", "family_name", "clinician", "release_date", "release_date_type",
		"engagement_from", "discharge_due", "phase", "days_to_release", "month_since_release", "countdown", "next_forum"},
		append(slices.Clone(kinds), "confirmed_dates", "other_dates", "likely_walk_out",
			"person_id", "status", "closed_on", "closing_reason", "retention_review_on")...)
	numeric := append([]string{"id", "release_date", "engagement_from", "discharge_due", "days_to_release", "month_since_release",
		"likely_walk_out", "person_id", "closed_on", "retention_review_on"}, kinds...)
	buf := bufio.NewWriterSize(w, 64<<10)
	return &casesCSV{buf: buf, cw: csvfile.NewWriter(buf, header, numeric...), kinds: kinds}
}

func (c *casesCSV) Row(r caseJSON) error {
	rec := []string{strconv.FormatInt(r.ID, 10), r.GivenName, r.FamilyName, deref(r.Clinician),
		deref(r.ReleaseDate), deref(r.ReleaseDateType), deref(r.EngagementFrom), deref(r.DischargeDue),
		r.Phase, num(r.DaysToRelease), num(r.MonthSinceRelease), r.Countdown, forumText(r.NextForum)}
	rec = append(append(rec, sentenceCells(r.SentenceDates, c.kinds)...), deref(r.LikelyWalkOut))
	return c.cw.Write(append(rec, strconv.FormatInt(r.PersonID, 10), r.Status, deref(r.ClosedOn), deref(r.ClosingReason),
		deref(r.RetentionReviewOn)))
}

func (c *casesCSV) End() error {
	if err := c.cw.Flush(); err != nil {
		return err
	}
	return c.buf.Flush()
}

// sentenceCells are a case's dates under the kind columns, then the kinds confirmed
// among them ("CRD HDCAD"), then the dates of the kinds with no column of their own
// ("confirmed 2027-01-06; other 2027-02-01 (confirmed); not stated 2027-03-01").
func sentenceCells(ds []sentenceDateJSON, kinds []string) []string {
	cells := make([]string, len(kinds)+2)
	var confirmed, others []string
	for _, d := range ds {
		k := deref(d.Kind)
		i := slices.Index(kinds, domain.SentenceDateColumn(domain.ReleaseDateType(k)))
		if i < 0 {
			other := cmp.Or(k, "not stated") + " " + d.Date
			if d.Confirmed && k != string(domain.ReleaseConfirmed) {
				other += " (confirmed)"
			}
			others = append(others, other)
			continue
		}
		cells[i] = d.Date
		if d.Confirmed {
			confirmed = append(confirmed, k)
		}
	}
	cells[len(kinds)] = strings.Join(confirmed, " ")
	cells[len(kinds)+1] = strings.Join(others, "; ")
	return cells
}

// casesTable writes aligned columns for people, the countdown last (it is the long one),
// once every row is in: the widths depend on them all.
type casesTable struct {
	w      io.Writer
	status string
	table  [][]string
}

func (t *casesTable) Row(r caseJSON) error {
	if t.table == nil {
		t.table = [][]string{{"ID", "PERSON", "CLINICIAN", "PHASE", "NEXT FORUM", "COUNTDOWN"}}
	}
	clin := deref(r.Clinician)
	if clin == "" {
		clin = "unallocated"
	}
	forum := forumText(r.NextForum)
	if forum == "" {
		forum = "-"
	}
	t.table = append(t.table, []string{strconv.FormatInt(r.ID, 10), tableName(r.GivenName + " " + r.FamilyName),
		tableName(clin), r.Phase, forum, r.Countdown})
	return nil
}

// End says "no closed cases" when status is closed and there are none.
func (t *casesTable) End() error {
	if t.table == nil {
		_, err := fmt.Fprintln(t.w, map[string]string{"open": "no open cases", "closed": "no closed cases", "all": "no cases"}[t.status])
		return err
	}
	_, err := io.WriteString(t.w, aligned(t.table))
	return err
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func num(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func forumText(f *forumJSON) string {
	if f == nil {
		return ""
	}
	return f.Date + " " + f.Kind
}
