package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"caseload/store"
)

func (a *cli) initCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Create a new, empty caseload database",
		Long: "init creates a new, empty caseload database at --db FILE (or the default path).\n" +
			"It never overwrites an existing file.",
		Args: cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			st, err := a.create(ctx)
			if err != nil {
				return err
			}
			if err := st.Close(); err != nil {
				return err
			}
			_, err = fmt.Fprintf(a.stdout, "created empty database %s\n", a.db)
			return err
		}),
	}
}

// create makes a new database at the resolved path. The default path's folder is made
// first (private to the user: it will hold clinical records); a folder the user named
// must already exist, so a typo in --db does not scatter folders about.
func (a *cli) create(ctx context.Context) (*store.Store, error) {
	if a.inData {
		if err := os.MkdirAll(filepath.Dir(a.db), 0o700); err != nil {
			return nil, fmt.Errorf("cannot make the data folder for %s: %w", a.db, err)
		}
	}
	return store.Create(ctx, a.db, a.clock.Now())
}
