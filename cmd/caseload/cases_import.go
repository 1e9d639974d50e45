package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"caseload/internal/casecsv"
	"caseload/internal/domain"
	"caseload/store"
)

func (a *cli) casesImportCommand() *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import CASES.csv",
		Short: "Add the cases the team already holds from a CSV file, all or none",
		Long: "import brings in the team's existing caseload: it checks every row of the file\n" +
			"and adds them all, or, if any row is wrong, adds none and prints each problem as\n" +
			"\"line N: column: what is wrong\". Each case gets an accepted referral standing for\n" +
			"the original, which stays in the team's previous records.\n" +
			"The header names the columns, in any order: " + strings.Join(casecsv.Columns, ", ") + ".\n" +
			"given_name, family_name and accepted_on are required; allocated_clinician is an\n" +
			"active clinician's name as caseload clinicians list shows it, or blank for unallocated.",
		Example: "  caseload cases import --db team.db --dry-run cases.csv\n  caseload cases import --db team.db cases.csv",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage("import needs one file: caseload cases import [--dry-run] CASES.csv")
			}
			return nil
		},
		RunE: a.runs(func(ctx context.Context, args []string) error {
			return a.withStore(ctx, func(st *store.Store) error {
				return a.importCases(ctx, st, args[0], dryRun)
			})
		}),
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check the file and write nothing")
	return cmd
}

func (a *cli) importCases(ctx context.Context, st *store.Store, path string, dryRun bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read the cases file: %w", err)
	}
	defer f.Close()
	clinicians, err := st.Clinicians(ctx)
	if err != nil {
		return err
	}
	now := a.clock.Now()
	rows, problems := casecsv.Read(f, domain.ParseEnv{Now: now, London: a.london}, clinicians)
	cs := make([]domain.ImportedCase, len(rows))
	for i, r := range rows {
		cs[i] = r.Case
	}
	// Conflicts with what is recorded (an NHS number with a case open) are found now,
	// on a dry run too, and reported with the file's own problems: all at once.
	conflicts, err := st.CheckCaseImport(ctx, now, cs)
	if err != nil {
		return err
	}
	for _, c := range conflicts {
		problems = append(problems, caseLineError(rows, c))
	}
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(x, y casecsv.LineError) int { return x.Line - y.Line })
		for _, p := range problems {
			fmt.Fprintln(a.stderr, p.Error())
		}
		return errReported
	}
	if dryRun {
		_, err := fmt.Fprintf(a.stdout, "%s valid; nothing written (dry run)\n", count(len(rows), "case is", "cases are"))
		return err
	}
	_, matches, err := st.ImportCasesMatched(ctx, a.actor, now, cs)
	if err != nil {
		// A case the store refused (someone changed the database since the check) is
		// pointed back at its line, in the same form as the file's own problems.
		var ce *store.CaseImportError
		if !errors.As(err, &ce) || ce.Index < 0 || ce.Index >= len(rows) {
			return err
		}
		fmt.Fprintln(a.stderr, caseLineError(rows, ce).Error())
		return errReported
	}
	lines := make([]int, len(rows))
	for i, r := range rows {
		lines[i] = r.Line
	}
	_, err = fmt.Fprint(a.stdout, importSummary("imported "+count(len(rows), "case", "cases"), "check whether they are one person", lines, matches))
	return err
}

// caseLineError puts a problem the store found with a case on the line it came from.
func caseLineError(rows []casecsv.Row, ce *store.CaseImportError) casecsv.LineError {
	return casecsv.LineError{Line: rows[ce.Index].Line, Column: ce.Field, Msg: ce.Err.Error()}
}
