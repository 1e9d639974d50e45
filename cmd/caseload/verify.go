package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"caseload/store"
)

func (a *cli) verifyCommand() *cobra.Command {
	var anchors string
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Check the audit chain and the signed records",
		Long: "verify walks the audit chain and the signed records and prints ok,\n" +
			"or the first problem found (exit status 1). It then checks that the chain still\n" +
			"extends every checkpoint of this database in the anchors file, and records a new one.",
		Args: cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			return a.withSnapshot(ctx, func(st *store.Store) error {
				if err := st.Verify(ctx); err != nil {
					return err
				}
				if err := a.anchorVerified(ctx, st, anchors); err != nil {
					return err
				}
				_, err := fmt.Fprintln(a.stdout, "ok")
				return err
			})
		}),
	}
	cmd.Flags().StringVar(&anchors, "anchors", "", "the anchors file of checkpoints (default: anchors in the data folder)")
	return cmd
}
