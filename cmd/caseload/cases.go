package main

import (
	"context"

	"github.com/spf13/cobra"
)

func (a *cli) casesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cases",
		Short: "Import the cases the team already holds, or list the open cases",
		// As with referrals: no subcommand is a usage error, so a typo fails loudly.
		RunE: a.runs(func(context.Context, []string) error {
			return usage("cases needs a command: import or list")
		}),
	}
	cmd.AddCommand(a.casesImportCommand(), a.casesListCommand())
	return cmd
}
