package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/internal/referralcsv"
	"caseload/store"
)

func (a *cli) importCommand() *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import REFERRALS.csv",
		Short: "Add the referrals in a CSV file, all or none",
		Long: "import checks every row of the file and adds them all, or, if any row is wrong,\n" +
			"adds none and prints each problem as \"line N: column: what is wrong\".\n" +
			"The header names the columns, in any order: " + columnList() + ".",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage("import needs one file: caseload referrals import [--dry-run] REFERRALS.csv")
			}
			return nil
		},
		RunE: a.runs(func(ctx context.Context, args []string) error {
			return a.withStore(ctx, func(st *store.Store) error {
				return a.importFile(ctx, st, args[0], dryRun)
			})
		}),
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check the file and write nothing")
	return cmd
}

func (a *cli) importFile(ctx context.Context, st *store.Store, path string, dryRun bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read the referrals file: %w", err)
	}
	defer f.Close()
	now := a.clock.Now()
	rows, problems := referralcsv.Read(f, domain.ParseEnv{Now: now, London: a.london})
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(a.stderr, p.Error())
		}
		return errReported
	}
	if dryRun {
		_, err := fmt.Fprintf(a.stdout, "%s valid; nothing written (dry run)\n", count(len(rows), "referral is", "referrals are"))
		return err
	}
	refs := make([]domain.Referral, len(rows))
	for i, r := range rows {
		refs[i] = r.Referral
	}
	_, matches, err := st.AddReferralsMatched(ctx, a.actor, now, refs)
	if err != nil {
		// A referral the store refused (a conflict with what is recorded) is pointed
		// back at its line in the file, in the same form as the file's own problems.
		var re *store.ReferralError
		if !errors.As(err, &re) || re.Index < 0 || re.Index >= len(rows) {
			return err
		}
		fmt.Fprintln(a.stderr, referralcsv.LineError{Line: rows[re.Index].Line, Column: re.Field, Msg: re.Err.Error()}.Error())
		return errReported
	}
	lines := make([]int, len(rows))
	for i, r := range rows {
		lines[i] = r.Line
	}
	_, err = fmt.Fprint(a.stdout, importSummary("added "+count(len(rows), "referral", "referrals"), "check before screening", lines, matches))
	return err
}

// importSummary is the summary line of an import ("added 3 referrals"), then a line for
// each row whose person was already held or may have been (docs/RULES.md, "Possible
// duplicates"), in the file's words: "line N: ...". lines[i] is the line of matches[i];
// advice is what to do about a possible duplicate.
func importSummary(head, advice string, lines []int, matches []domain.PersonMatch) string {
	var b strings.Builder
	var linked, possible int
	for i, m := range matches {
		switch m.Kind {
		case domain.MatchSame:
			linked++
		case domain.MatchPossible:
			possible++
		default:
			continue
		}
		fmt.Fprintf(&b, "line %d: %s\n", lines[i], m.Says(advice))
	}
	var notes []string
	if linked > 0 {
		notes = append(notes, count(linked, "for a person already held", "for people already held"))
	}
	if possible > 0 {
		notes = append(notes, count(possible, "possible duplicate", "possible duplicates")+" to "+advice)
	}
	if len(notes) > 0 {
		head += " (" + strings.Join(notes, "; ") + ")"
	}
	return head + "\n" + b.String()
}

// count writes n with the singular or plural phrase.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// columnList names the import columns for the help, spaced so the help can wrap it.
func columnList() string {
	names := make([]string, len(domain.ReferralFields))
	for i, f := range domain.ReferralFields {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}
