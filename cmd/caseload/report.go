package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"caseload/internal/report"
	"caseload/store"
)

// reportOptions are `caseload report`'s flags as typed.
type reportOptions struct {
	from, to, format, out, key string
	suppress, extract, force   bool
	// pretty indents json (default: compact).
	pretty bool
}

func (a *cli) reportCommand() *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report --from DATE --to DATE",
		Short: "Print what the pilot achieved over a period: referrals, 48-hour screening, decisions, caseload, outcomes",
		Long: "report prints the figures a commissioner asks for over the London days --from to --to\n" +
			"(both included, YYYY-MM-DD): referrals received by source and priority group; the\n" +
			"decisions made; screening within 48 hours of receipt (by when the decision was made,\n" +
			"in elapsed hours) with the median, month by month; days from referral to the\n" +
			"consultation's decision (median and 90th centile); open cases at the end of each\n" +
			"month by phase; releases, recalls and discharges by reason; each measure's change\n" +
			"and GP registration by release day (docs/RULES.md, \"Reports\").\n" +
			"--format table is text for reading at 80 columns, json one document, csv one table\n" +
			"a file in the folder --out DIR. --suppress-small shows every count below 5 as <5,\n" +
			"for an export leaving the team; it is always on for csv.\n" +
			"--extract writes the evaluation's extract instead: one row a person referred in the\n" +
			"period, pseudonymised with the service's key (--key FILE, made once with caseload\n" +
			"report key), to --out FILE.csv, audited (docs/EXTRACT.md).",
		Example: "  caseload report --db team.db --from 2026-04-01 --to 2027-03-31\n" +
			"  caseload report --db team.db --from 2026-04-01 --to 2027-03-31 --format csv --out q4\n" +
			"  caseload report key --out extract.key\n" +
			"  caseload report --db team.db --from 2026-04-01 --to 2027-03-31 --extract --key extract.key --out site.csv",
		Args: cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			if o.extract {
				return a.writeExtract(ctx, o)
			}
			return a.writeReport(ctx, o)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&o.from, "from", "", "the period's first day, YYYY-MM-DD")
	f.StringVar(&o.to, "to", "", "the period's last day, YYYY-MM-DD")
	f.StringVar(&o.format, "format", "table", "output format: table, json or csv")
	prettyFlag(cmd, &o.pretty)
	f.StringVar(&o.out, "out", "", "The folder to write the csv tables in; with --extract, the file to write")
	f.BoolVar(&o.suppress, "suppress-small", false, "show every count below 5 as <5 (always on for csv)")
	f.BoolVar(&o.extract, "extract", false, "write the evaluation's extract (pseudonymised, one row a person) to --out FILE.csv")
	f.StringVar(&o.key, "key", "", "With --extract, the service's extract key file (caseload report key)")
	f.BoolVar(&o.force, "force", false, "replace files already at --out")
	cmd.AddCommand(a.reportKeyCommand())
	return cmd
}

// writeReport builds the report from one snapshot and writes it as o.format says.
func (a *cli) writeReport(ctx context.Context, o reportOptions) error {
	write, ok := map[string]func(io.Writer, report.Report, reportOptions) error{
		"table": reportText, "json": reportJSON, "csv": nil}[o.format]
	switch {
	case !ok:
		return usage("--format %q is not a format: use table, json or csv", o.format)
	case o.key != "":
		return usage("--key is for --extract: a report has no ids to pseudonymise")
	case o.format == "csv" && o.out == "":
		return usage("--format csv writes one file a table: give the folder with --out DIR")
	case o.format != "csv" && o.out != "":
		return usage("--out is for --format csv (a folder) and --extract (a file): %s prints to the terminal", o.format)
	case o.format == "json" && o.suppress:
		return usage("--suppress-small is for table and csv: json keeps exact counts for use within the team")
	}
	from, to, err := reportPeriod(o.from, o.to)
	if err != nil {
		return err
	}
	return a.withSnapshot(ctx, func(st *store.Store) error {
		f, err := st.ReportFacts(ctx, from, to)
		if err != nil {
			return err
		}
		r := report.Build(f, from, to)
		if o.format == "csv" {
			return a.reportCSV(r, o)
		}
		return write(a.stdout, r, o)
	})
}

func reportJSON(w io.Writer, r report.Report, o reportOptions) error {
	return writeJSONValue(w, r, o.pretty)
}
