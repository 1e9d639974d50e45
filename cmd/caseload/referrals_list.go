package main

import (
	"context"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/store"
)

func (a *cli) listCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Print every referral, most urgent first",
		Long: "list prints every referral in the order of the screening queue: overdue first\n" +
			"(most overdue at the top), then by time left; screened referrals after, newest first.\n" +
			"Times in json and csv are UTC (RFC 3339); the table shows London time.",
		Example: "  caseload referrals list --db team.db --format json",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			write, ok := listFormat(format)
			if !ok {
				return usage("--format %q is not a format: use table, json or csv", format)
			}
			return a.withSnapshot(ctx, func(st *store.Store) error {
				rs, err := st.Referrals(ctx)
				if err != nil {
					return err
				}
				entered, err := st.ScreeningsEntered(ctx)
				if err != nil {
					return err
				}
				for i := range rs {
					rs[i].ScreeningEnteredAt = entered[rs[i].ID]
				}
				now := a.clock.Now()
				domain.SortForQueue(rs, now)
				return write(a.stdout, rs, now, a.london)
			})
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	return cmd
}
