package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
)

func (a *cli) casesListCommand() *cobra.Command {
	var (
		format, status string
		pretty         bool
	)
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Print the open (or closed) cases with their release countdown and next forum",
		Long: "list prints every open case (--status closed: every closed one; all: both)\n" +
			"in id order with where it stands on the 18-month pathway today (London date):\n" +
			"the release date (actual once known, else expected), engagement from, discharge\n" +
			"due, the phase, the countdown in the app's words and the next forum meeting.\n" +
			"A closed case's phase is \"closed\", with closed_on, closing_reason and\n" +
			"retention_review_on. Dates are YYYY-MM-DD; unknown values are null in json and\n" +
			"empty in csv.",
		Example: "  caseload cases list --db team.db --format json",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			if _, ok := casesFormat(format, status, nil, false); !ok {
				return usage("--format %q is not a format: use table, json or csv", format)
			}
			if status != "open" && status != "closed" && status != "all" {
				return usage("--status %q is not a status: use open, closed or all", status)
			}
			return a.withSnapshot(ctx, func(st *store.Store) error {
				today := ident.DateOf(a.clock.Now().In(a.london))
				cases, err := st.CasesByStatus(ctx, status)
				if err != nil {
					return err
				}
				next, err := st.NextForums(ctx, today)
				if err != nil {
					return err
				}
				held := newSpool(a.stdout)
				out, _ := casesFormat(format, status, held, pretty)
				for i := range cases {
					if err := out.Row(caseJSONOf(cases[i], next, today)); err != nil {
						held.Discard()
						return err
					}
					cases[i] = domain.CaseOnPathway{} // written: its history and dates may go
				}
				if err := out.End(); err != nil {
					held.Discard()
					return err
				}
				return held.Commit()
			})
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	cmd.Flags().StringVar(&status, "status", "open", "which cases: open, closed or all")
	prettyFlag(cmd, &pretty)
	return cmd
}

// caseRows takes the rows of `cases list` one at a time, in id order (referralRows's
// counterpart).
type caseRows interface {
	Row(caseJSON) error
	End() error
}

// casesFormat is the writer of a --format value; the table says "no closed cases" when
// status is closed and there are none.
func casesFormat(name, status string, w io.Writer, pretty bool) (caseRows, bool) {
	switch name {
	case "table":
		return &casesTable{w: w, status: status}, true
	case "json":
		return caseJSONRows{newJSONArray(w, pretty)}, true
	case "csv":
		return newCasesCSV(w), true
	}
	return nil, false
}

type caseJSONRows struct{ out *jsonArray }

func (j caseJSONRows) Row(r caseJSON) error { return j.out.Add(r) }
func (j caseJSONRows) End() error           { return j.out.End() }
