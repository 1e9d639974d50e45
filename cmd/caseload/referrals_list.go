package main

import (
	"cmp"
	"context"
	"slices"
	"time"

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
			return a.withStore(ctx, func(st *store.Store) error {
				rs, err := st.Referrals(ctx)
				if err != nil {
					return err
				}
				now := a.clock.Now()
				inQueueOrder(rs, now)
				return write(a.stdout, rs, now, a.london)
			})
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	return cmd
}

// inQueueOrder sorts as the queue screen does (tui/queue sortRows), so a printed list
// and the screen agree: by the clock's urgency, then newest received, then id.
func inQueueOrder(rs []domain.Referral, now time.Time) {
	type keyed struct {
		urgency time.Duration
		r       domain.Referral
	}
	ks := make([]keyed, len(rs))
	for i, r := range rs {
		ks[i] = keyed{r.Clock(now).Urgency(), r}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if c := cmp.Compare(a.urgency, b.urgency); c != 0 {
			return c
		}
		if c := b.r.ReceivedAt.Compare(a.r.ReceivedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.r.ID, b.r.ID)
	})
	for i, k := range ks {
		rs[i] = k.r
	}
}
