package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/store"
)

func (a *cli) verifyCommand() *cobra.Command {
	var format, anchors string
	var recordOutcome, pretty bool
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Check the audit chain and every record against it",
		Long: "verify checks the whole file: its pages, the audit chain, every record against the\n" +
			"audit entry that last changed it (and every record the audit says exists), the\n" +
			"signed notes, addenda and formulations, the search indexes, and that the chain\n" +
			"still extends every checkpoint of this database in the anchors file. It prints ok\n" +
			"and records a new checkpoint, or prints every problem found, one a line (exit\n" +
			"status 1). --format json prints the report for scripts: ok, problems (record, key,\n" +
			"field, entry, problem), entries, head.",
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
			r, err := st.VerifyReport(ctx)
			if err != nil {
				return err
			}
			// What no check inside the file can see: the chain cut or rewritten since a
			// checkpoint kept outside it.
			lost, record, err := a.anchorVerified(ctx, st, anchors)
			if err != nil {
				return err
			}
			for _, p := range lost {
				r.Problems = append(r.Problems, store.Problem{Record: "checkpoint", Text: p})
			}
			if err := a.writeVerifyReport(format, pretty, st.Path(), r); err != nil {
				return err
			}
			n := len(r.Problems) + r.More
			if recordOutcome {
				// Closed first: the outcome is written by a session that may write.
				st.Close()
				a.recordSafety(ctx, domain.SafetyCheck{Kind: domain.SafetyVerify, OK: r.OK(), Problems: n, Head: r.Head,
					Why: firstProblem(r)})
			}
			if r.OK() {
				return record()
			}
			return fmt.Errorf("%s is not as caseload left it: %d problem%s found", st.Path(), n, map[bool]string{true: "", false: "s"}[n == 1])
		}),
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	prettyFlag(cmd, &pretty)
	cmd.Flags().StringVar(&anchors, "anchors", "", "the anchors file of checkpoints (default: anchors in the data folder)")
	cmd.Flags().BoolVar(&recordOutcome, "record", false,
		"also record the outcome in the database's audit, for a lead's Today (for the nightly job; verify alone never writes)")
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

func (a *cli) writeVerifyReport(format string, pretty bool, path string, r store.Report) error {
	if format == "json" {
		problems := r.Problems
		if problems == nil {
			problems = []store.Problem{}
		}
		enc := json.NewEncoder(a.stdout)
		if pretty {
			enc.SetIndent("", "  ")
		}
		return enc.Encode(verifyJSON{OK: r.OK(), Database: path, Problems: problems, More: r.More,
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

func firstProblem(r store.Report) string {
	if r.OK() {
		return ""
	}
	return r.Problems[0].Text
}
