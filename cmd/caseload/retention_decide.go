package main

import (
	"cmp"
	"context"
	"slices"
	"strconv"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
)

func (a *cli) retentionDecideCommand() *cobra.Command {
	var d domain.RetentionDecision
	var on, until string
	cmd := &cobra.Command{
		Use:   "decide CASE_ID",
		Short: "Record a decision about a closed record past its review",
		Long: "decide records what the service's records manager decided about closed case\n" +
			"CASE_ID's record: keep it until a later review (--decision keep --until DATE), or\n" +
			"destroy it (--decision destroy, with --reference naming the decision or the\n" +
			"destruction certificate). caseload deletes nothing: destruction is carried out\n" +
			"outside it. Dates are YYYY-MM-DD; --on is the day it was decided (today if left out).",
		Example: "  caseload retention decide --db team.db 14 --decision keep --until 2050-01-31 --by \"Records manager\"",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage("retention decide needs the case: caseload retention decide CASE_ID --decision keep|destroy --by NAME")
			}
			return nil
		},
		RunE: a.runs(func(ctx context.Context, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return usage("%q is not a case id: give the number `caseload retention --all` lists", args[0])
			}
			d.CaseID = id
			d.DecidedOn = ident.DateOf(a.clock.Now().In(a.london))
			if on != "" {
				if d.DecidedOn, err = ident.ParseDate(on); err != nil {
					return usage("--on: %v", err)
				}
			}
			if until != "" {
				if d.KeepUntil, err = ident.ParseDate(until); err != nil {
					return usage("--until: %v", err)
				}
			}
			return a.withStore(ctx, func(st *store.Store) error {
				got, err := st.RecordRetentionDecision(ctx, a.actor, a.clock.Now(), d)
				if err != nil {
					return err
				}
				if got.Decision == "keep" {
					return a.say("recorded: case %d's record is kept until %s, its next review\n", got.CaseID, got.KeepUntil)
				}
				return a.say("recorded: case %d's record is to be destroyed (%s); caseload deletes nothing itself\n",
					got.CaseID, cmp.Or(got.Reference, "no reference given"))
			})
		}),
	}
	cmd.Flags().StringVar(&d.Decision, "decision", "", "keep or destroy")
	cmd.Flags().StringVar(&until, "until", "", "With keep, the day of the next review (YYYY-MM-DD)")
	cmd.Flags().StringVar(&d.DecidedBy, "by", "", "who decided: the records manager, by name or post")
	cmd.Flags().StringVar(&d.Reference, "reference", "", "the decision's or the destruction certificate's reference")
	cmd.Flags().StringVar(&on, "on", "", "the day it was decided (YYYY-MM-DD; default today)")
	return cmd
}

// sortByReview puts the soonest review first, records with none last, by case id.
func sortByReview(rows []retentionJSON) {
	slices.SortStableFunc(rows, func(a, b retentionJSON) int {
		ra, rb := deref(a.RetentionReviewOn), deref(b.RetentionReviewOn)
		if (ra == "") != (rb == "") {
			return cmp.Compare(boolInt(ra == ""), boolInt(rb == ""))
		}
		return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(a.CaseID, b.CaseID))
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
