package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"caseload/internal/ident"
	"caseload/store"
)

// teamCommand prints the team's load as the Team screen shows it (docs/RULES.md,
// "Caseload sizes").
func (a *cli) teamCommand() *cobra.Command {
	var (
		format string
		pretty bool
	)
	cmd := &cobra.Command{
		Use:   "team",
		Short: "Print each clinician's open cases by phase, drafts and forum reports due, against the caseload cap",
		Long: "team prints, for each active clinician and lead, their open cases in all and by phase\n" +
			"today (London date): before the window, pre-release, post-release, discharge due\n" +
			"(from 30 days before it falls due) and release unknown or recalled; their unsigned\n" +
			"drafts; the forum reports due on their cases this week or overdue; and the caseload\n" +
			"cap (the caseload-cap setting, 8 unless the service has set it). Then any\n" +
			"deactivated clinician who still holds open cases, then the cases nobody holds.\n" +
			"Unknown values are null in json and empty in csv.",
		Example: "  caseload team --db team.db\n  caseload team --db team.db --format json",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			write, ok := teamFormat(format)
			if !ok {
				return usage("--format %q is not a format: use table, json or csv", format)
			}
			return a.withSnapshot(ctx, func(st *store.Store) error {
				loads, err := st.TeamLoad(ctx, ident.DateOf(a.clock.Now().In(a.london)))
				if err != nil {
					return err
				}
				rows := teamRows(loads)
				return compactUnless(pretty || format != "json", a.stdout, func(w io.Writer) error { return write(w, rows) })
			})
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	prettyFlag(cmd, &pretty)
	return cmd
}
