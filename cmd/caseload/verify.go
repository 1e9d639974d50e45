package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"caseload/store"
)

func (a *cli) verifyCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Check the audit chain and every record against it",
		Long: "verify checks the whole file: its pages, the audit chain, every record against the\n" +
			"audit entry that last changed it (and every record the audit says exists), the\n" +
			"signed notes, addenda and formulations, and the search indexes. It prints ok, or\n" +
			"every problem found, one a line (exit status 1). --format json prints the report\n" +
			"for scripts: ok, problems (record, key, field, entry, problem), entries, head.",
		Example: "  caseload verify --db team.db\n  caseload verify --db team.db --format json",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			if format != "text" && format != "json" {
				return usage("--format %q is not a format: use text or json", format)
			}
			// Opened for verify: a file whose schema another program changed is still
			// read, so that its report says what else was changed.
			st, err := store.OpenForVerify(ctx, a.db, store.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			return func() error {
				r, err := st.VerifyReport(ctx)
				if err != nil {
					return err
				}
				if err := a.writeVerifyReport(format, st.Path(), r); err != nil {
					return err
				}
				if !r.OK() {
					return fmt.Errorf("%s is not as caseload left it: %d problem%s found", st.Path(),
						len(r.Problems)+r.More, map[bool]string{true: "", false: "s"}[len(r.Problems)+r.More == 1])
				}
				return nil
			}()
		}),
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

// verifyJSON is the contract of verify --format json.
type verifyJSON struct {
	OK       bool            `json:"ok"`
	Database string          `json:"database"`
	Problems []store.Problem `json:"problems"`
	More     int             `json:"more"`
	Entries  int64           `json:"entries"`
	Head     int64           `json:"head"`
	HeadHash string          `json:"head_hash"`
	Records  int64           `json:"records"`
}

func (a *cli) writeVerifyReport(format, path string, r store.Report) error {
	if format == "json" {
		problems := r.Problems
		if problems == nil {
			problems = []store.Problem{}
		}
		return json.NewEncoder(a.stdout).Encode(verifyJSON{OK: r.OK(), Database: path, Problems: problems, More: r.More,
			Entries: r.Entries, Head: r.Head, HeadHash: r.HeadHash, Records: r.Records})
	}
	if r.OK() {
		_, err := fmt.Fprintln(a.stdout, "ok")
		return err
	}
	for _, p := range r.Problems {
		if _, err := fmt.Fprintln(a.stdout, p.Text); err != nil {
			return err
		}
	}
	if r.More > 0 {
		_, err := fmt.Fprintf(a.stdout, "and %d more\n", r.More)
		return err
	}
	return nil
}
