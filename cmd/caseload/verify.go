package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"caseload/store"
)

func (a *cli) verifyCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Check the audit chain and the signed records",
		Long: "verify walks the audit chain and the signed records and prints ok,\n" +
			"or the first problem found (exit status 1).",
		Args: cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			return a.withSnapshot(ctx, func(st *store.Store) error {
				if err := st.Verify(ctx); err != nil {
					return err
				}
				_, err := fmt.Fprintln(a.stdout, "ok")
				return err
			})
		}),
	}
}
