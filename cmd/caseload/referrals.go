package main

import (
	"context"

	"github.com/spf13/cobra"
)

func (a *cli) referralsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "referrals",
		Short: "Import or list referrals",
		// Without a subcommand this is a usage error, not help and success, so that a
		// script with a typo fails loudly.
		RunE: a.runs(func(context.Context, []string) error {
			return usage("referrals needs a command: import or list")
		}),
	}
	cmd.AddCommand(a.importCommand(), a.listCommand())
	return cmd
}
