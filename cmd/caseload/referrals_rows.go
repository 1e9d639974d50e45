package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"time"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
)

// referralRows takes the referrals of `referrals list` one at a time, in queue order,
// and writes them as they come (json, csv) or once all are in (the table, whose column
// widths depend on every row), to a spool that prints them once the read is whole.
type referralRows interface {
	Row(r domain.Referral) error
	// End finishes the output once every referral has been read.
	End() error
}

// listFormat is the writer of a --format value, writing to w as seen at now.
func listFormat(name string, w io.Writer, now time.Time, london *time.Location, pretty bool) (referralRows, bool) {
	switch name {
	case "table":
		return &referralTable{w: w, now: now, london: london}, true
	case "json":
		return &referralJSONRows{out: newJSONArray(w, pretty), now: now}, true
	case "csv":
		return newReferralCSV(w, now), true
	}
	return nil, false
}

type referralJSONRows struct {
	out *jsonArray
	now time.Time
	buf []byte
}

func (j *referralJSONRows) Row(r domain.Referral) error {
	row := referralJSONOf(r, j.now)
	j.buf = appendReferral(j.buf[:0], &row)
	return j.out.addEncoded(j.buf)
}
func (j *referralJSONRows) End() error { return j.out.End() }

// referralCSV writes the columns a spreadsheet needs. Every cell but the app's own id and
// times goes through csvfile's SafeCell, so a name cannot run as a formula.
type referralCSV struct {
	buf *bufio.Writer
	cw  *csvfile.Writer
	now time.Time
}

func newReferralCSV(w io.Writer, now time.Time) *referralCSV {
	buf := bufio.NewWriterSize(w, 64<<10)
	cw := csvfile.NewWriter(buf, []string{"id", "given_name", "family_name", "source", "status", "received_at", "screening_due_at", "clock_state", "clock_text",
		"verdict", "open_rules", "resettlement_authority", "possible_duplicate_of", "duplicate_answer", "screening_entered_at",
		"screening_deadline_rule", "within_48h", "within_deadline", "screened_at"},
		"id", "received_at", "screening_due_at", "possible_duplicate_of", "screening_entered_at", "screened_at")
	return &referralCSV{buf: buf, cw: cw, now: now}
}

func (c *referralCSV) Row(r domain.Referral) error {
	clk := r.Clock(c.now)
	e := domain.CheckEligibility(r, c.now)
	return c.cw.Write([]string{strconv.FormatInt(r.ID, 10), r.Person.GivenName, r.Person.FamilyName, string(r.Source),
		string(r.Status), utc(r.ReceivedAt), utc(clk.DueAt), string(clk.State), clk.Text(),
		string(e.Verdict), openRules(e, ";"), r.ResettlementAuthority, idText(r.PossibleDuplicateOf),
		string(r.Duplicate.Answer), screeningEnteredAt(r), string(clk.Rule), boolText(screenedBool(clk, clk.Within48h())),
		boolText(screenedBool(clk, clk.OnTime())), screenedAtText(r)})
}

// End writes what csv and the buffer hold.
func (c *referralCSV) End() error {
	if err := c.cw.Flush(); err != nil {
		return err
	}
	return c.buf.Flush()
}

// maxName keeps a very long name from pushing the rest of the table off the screen.
const maxName = 32

// referralTable writes aligned columns for people. Widths are terminal cells measured by
// ansi.StringWidth, so CJK, emoji and right-to-left names keep the columns straight; the
// table is for a person at a screen, so it holds its cells (not the referrals) until
// every width is known.
type referralTable struct {
	w      io.Writer
	now    time.Time
	london *time.Location
	rows   [][]string
}

func (t *referralTable) Row(r domain.Referral) error {
	if t.rows == nil {
		// OPEN, the criteria that fail or are unknown, comes last: it is the one that
		// can be long, and the last column is not padded.
		t.rows = [][]string{{"ID", "PERSON", "SOURCE", "RECEIVED", "SCREENING", "STATUS", "VERDICT", "OPEN"}}
	}
	received := r.ReceivedAt.In(t.london)
	layout := "Mon 02 Jan 15:04"
	if received.Year() != t.now.In(t.london).Year() {
		layout = "Mon 02 Jan 2006 15:04"
	}
	e := domain.CheckEligibility(r, t.now)
	open := openRules(e, ",")
	if open == "" {
		open = "-"
	}
	t.rows = append(t.rows, []string{strconv.FormatInt(r.ID, 10), tableName(r.Person.Name()), string(r.Source),
		received.Format(layout), r.Clock(t.now).Text(), r.Status.Label(), string(e.Verdict), open})
	return nil
}

func (t *referralTable) End() error {
	if t.rows == nil {
		_, err := fmt.Fprintln(t.w, "no referrals")
		return err
	}
	_, err := io.WriteString(t.w, aligned(t.rows))
	return err
}
