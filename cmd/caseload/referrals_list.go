package main

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/store"
)

func (a *cli) listCommand() *cobra.Command {
	var (
		format string
		pretty bool
	)
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Print every referral, most urgent first",
		Long: "list prints every referral in the order of the screening queue: overdue first\n" +
			"(most overdue at the top), then by time left; screened referrals after, newest first.\n" +
			"Times in json and csv are UTC (RFC 3339); the table shows London time.",
		Example: "  caseload referrals list --db team.db --format json",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			if _, ok := listFormat(format, nil, time.Time{}, nil, false); !ok {
				return usage("--format %q is not a format: use table, json or csv", format)
			}
			return a.withSnapshot(ctx, func(st *store.Store) error {
				now := a.clock.Now()
				held := newSpool(a.stdout)
				out, _ := listFormat(format, held, now, a.london, pretty)
				err := streamReferrals(ctx, st, now, out.Row)
				if err == nil {
					err = out.End()
				}
				if err != nil {
					held.Discard()
					return err
				}
				return held.Commit()
			})
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	prettyFlag(cmd, &pretty)
	return cmd
}

// streamReferrals passes every referral to row in queue order at now, reading one at a
// time in a single snapshot: the running clocks through domain.QueueOrderer, then the
// stopped ones as the store reads them. The page cache is made small first: the read
// passes over each page once, and a large cache would only grow with the file.
func streamReferrals(ctx context.Context, st *store.Store, now time.Time, row func(domain.Referral) error) error {
	if err := st.ShrinkCache(ctx); err != nil {
		return err
	}
	queue := domain.NewQueueOrderer(now, row)
	if err := st.EachRunningReferral(ctx, queue.Add); err != nil {
		return err
	}
	if err := queue.Flush(); err != nil {
		return err
	}
	return st.EachStoppedReferral(ctx, row)
}
