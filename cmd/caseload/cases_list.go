package main

import (
	"context"

	"github.com/spf13/cobra"

	"caseload/internal/ident"
	"caseload/store"
)

func (a *cli) casesListCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Print every open case with its release countdown and next forum",
		Long: "list prints every open case in id order with where it stands on the 18-month\n" +
			"pathway today (London date): the release date (actual once known, else expected),\n" +
			"engagement from, discharge due, the phase, the countdown in the app's words and\n" +
			"the next forum meeting. Dates are YYYY-MM-DD; unknown values are null in json\n" +
			"and empty in csv.",
		Example: "  caseload cases list --db team.db --format json",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			write, ok := casesFormat(format)
			if !ok {
				return usage("--format %q is not a format: use table, json or csv", format)
			}
			return a.withSnapshot(ctx, func(st *store.Store) error {
				today := ident.DateOf(a.clock.Now().In(a.london))
				cases, err := st.CasesOnPathway(ctx)
				if err != nil {
					return err
				}
				next, err := st.NextForums(ctx, today)
				if err != nil {
					return err
				}
				return write(a.stdout, casesRows(cases, next, today))
			})
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	return cmd
}
