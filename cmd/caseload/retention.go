package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
)

// retentionJSON is one closed record as `caseload retention` writes it; the names are
// a contract like every headless list's.
type retentionJSON struct {
	CaseID            int64   `json:"case_id"`
	PersonID          int64   `json:"person_id"`
	Person            string  `json:"person"`
	ClosedOn          *string `json:"closed_on"`
	ClosingReason     *string `json:"closing_reason"`
	DiedOn            *string `json:"died_on"`
	RetentionReviewOn *string `json:"retention_review_on"`
	PastReview        bool    `json:"past_review"`
	LastDecision      *string `json:"last_decision"` // keep or destroy
	LastDecidedOn     *string `json:"last_decided_on"`
	RuleSource        string  `json:"rule_source"`
	RuleConfirmed     bool    `json:"rule_confirmed"`
}

func (a *cli) retentionCommand() *cobra.Command {
	var format string
	var all, pretty bool
	cmd := &cobra.Command{
		Use:   "retention",
		Short: "List closed records past their retention review",
		Long: "retention lists the closed cases whose record is due for review for destruction\n" +
			"today (London date), or every closed case with --all, the soonest first: the day\n" +
			"the case closed and why, and the review day, 20 years after closing or 10 after\n" +
			"the death if sooner (the Records Management Code of Practice 2021 for mental\n" +
			"health records; unconfirmed until the service's records manager confirms it), or\n" +
			"the day a decision to keep set. caseload never deletes a record: a decision is\n" +
			"made outside it and recorded with caseload retention decide.",
		Example: "  caseload retention --db team.db\n  caseload retention --db team.db --all --format csv",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			write, ok := map[string]func(io.Writer, []retentionJSON) error{"table": retentionTable, "json": retentionJSONOut,
				"csv": retentionCSV}[format]
			if !ok {
				return usage("--format %q is not a format: use table, json or csv", format)
			}
			return a.withSnapshot(ctx, func(st *store.Store) error {
				today := ident.DateOf(a.clock.Now().In(a.london))
				recs, err := st.ClosedRecords(ctx, domain.MentalHealthRetention)
				if err != nil {
					return err
				}
				rows := retentionRows(recs, today, all)
				return compactUnless(pretty || format != "json", a.stdout, func(w io.Writer) error { return write(w, rows) })
			})
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	cmd.Flags().BoolVar(&all, "all", false, "every closed record, not only those past review")
	prettyFlag(cmd, &pretty)
	cmd.AddCommand(a.retentionDecideCommand())
	return cmd
}

// retentionRows are the records past review on today (every one, with all), the
// soonest review first, a record closed with no day last.
func retentionRows(recs []domain.ClosedRecord, today ident.Date, all bool) []retentionJSON {
	out := make([]retentionJSON, 0, len(recs))
	rule := domain.MentalHealthRetention
	for _, r := range recs {
		past := !r.ReviewOn.IsZero() && !today.Before(r.ReviewOn)
		if !past && !all {
			continue
		}
		row := retentionJSON{CaseID: r.CaseID, PersonID: r.PersonID, Person: r.Person, ClosedOn: orNull(r.Closure.On.String()),
			ClosingReason: orNull(string(r.Closure.Reason)), DiedOn: orNull(r.Closure.DiedOn.String()),
			RetentionReviewOn: orNull(r.ReviewOn.String()), PastReview: past, RuleSource: rule.Source, RuleConfirmed: rule.Confirmed}
		if r.Last != nil {
			row.LastDecision, row.LastDecidedOn = orNull(r.Last.Decision), orNull(r.Last.DecidedOn.String())
		}
		out = append(out, row)
	}
	sortByReview(out)
	return out
}

func retentionJSONOut(w io.Writer, rows []retentionJSON) error { return indentedJSON(w, rows) }

func retentionCSV(w io.Writer, rows []retentionJSON) error {
	cw := csvfile.NewWriter(w, []string{"case_id", "person_id", "person", "closed_on", "closing_reason", "died_on",
		"retention_review_on", "past_review", "last_decision", "last_decided_on", "rule_source", "rule_confirmed"},
		"case_id", "person_id", "closed_on", "died_on", "retention_review_on", "last_decided_on")
	for _, r := range rows {
		_ = cw.Write([]string{strconv.FormatInt(r.CaseID, 10), strconv.FormatInt(r.PersonID, 10), r.Person,
			deref(r.ClosedOn), deref(r.ClosingReason), deref(r.DiedOn), deref(r.RetentionReviewOn),
			strconv.FormatBool(r.PastReview), deref(r.LastDecision), deref(r.LastDecidedOn), r.RuleSource,
			strconv.FormatBool(r.RuleConfirmed)})
	}
	return cw.Flush()
}

// retentionTable is for people: the rule and its standing first, then the records.
func retentionTable(w io.Writer, rows []retentionJSON) error {
	rule := domain.MentalHealthRetention
	standing := "unconfirmed: the service's records manager has not yet confirmed it applies"
	if rule.Confirmed {
		standing = "confirmed by the service"
	}
	if _, err := fmt.Fprintf(w, "Retention: %s (%s).\n", rule.Source, standing); err != nil {
		return err
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "No closed record is past its review.")
		return err
	}
	table := [][]string{{"CASE", "PERSON", "CLOSED", "REASON", "REVIEW", "LAST DECISION"}}
	for _, r := range rows {
		last := "-"
		if r.LastDecision != nil {
			last = *r.LastDecision + " on " + deref(r.LastDecidedOn)
		}
		table = append(table, []string{strconv.FormatInt(r.CaseID, 10), tableName(r.Person), cmp.Or(deref(r.ClosedOn), "-"),
			cmp.Or(deref(r.ClosingReason), "-"), cmp.Or(deref(r.RetentionReviewOn), "-"), last})
	}
	_, err := io.WriteString(w, aligned(table))
	return err
}
